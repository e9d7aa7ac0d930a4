import { ObjectType } from "type-graphql";
import { Context, TypedContext } from "./context.type.js";
import { Thumbnailable } from "./thumbnailable.type.js";

const implementsAll = { implements: [TypedContext, Context, Thumbnailable] };

@ObjectType("Task", implementsAll)
export class Task extends TypedContext {}

@ObjectType("Shot", implementsAll)
export class Shot extends TypedContext {}

@ObjectType("Sequence", implementsAll)
export class Sequence extends TypedContext {}

@ObjectType("Episode", implementsAll)
export class Episode extends TypedContext {}

@ObjectType("AssetBuild", implementsAll)
export class AssetBuild extends TypedContext {}

@ObjectType("Folder", implementsAll)
export class Folder extends TypedContext {}

@ObjectType("Milestone", implementsAll)
export class Milestone extends TypedContext {}

/** A studio-defined ftrack object type: `objectType` carries its name. */
@ObjectType("CustomContext", {
  ...implementsAll,
  description: "A context of a studio-defined ftrack object type; `objectType` names it.",
})
export class CustomContext extends TypedContext {}
