import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";
import { Context, TypedContext } from "./context.type.js";
import { Thumbnailable } from "./thumbnailable.type.js";

const implementsAll = { implements: [TypedContext, Context, Thumbnailable] };

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Task", implementsAll)
export class Task extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Shot", implementsAll)
export class Shot extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Sequence", implementsAll)
export class Sequence extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Episode", implementsAll)
export class Episode extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("AssetBuild", implementsAll)
export class AssetBuild extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Folder", implementsAll)
export class Folder extends TypedContext {}

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Milestone", implementsAll)
export class Milestone extends TypedContext {}

/** A studio-defined ftrack object type: `objectType` carries its name. */
@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("CustomContext", {
  ...implementsAll,
  description: "A context of a studio-defined ftrack object type; `objectType` names it.",
})
export class CustomContext extends TypedContext {}
