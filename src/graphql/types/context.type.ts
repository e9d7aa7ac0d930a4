import { Field, InterfaceType } from "type-graphql";
import { Thumbnailable } from "./thumbnailable.type.js";

/** A Project or any TypedContext: the places in ftrack's hierarchy. */
@InterfaceType("Context", {
  implements: [Thumbnailable],
  description: "A project or any object under it (sequence, shot, task, ...).",
})
export abstract class Context extends Thumbnailable {
  @Field(() => String)
  name!: string;

  parentId!: string | null;
  projectId!: string | null;
}

/** Everything below a project: Task, Shot, Sequence, ... and studio-defined object types. */
@InterfaceType("TypedContext", {
  implements: [Context, Thumbnailable],
  description: "An object in a project's hierarchy (Task, Shot, Sequence, ... or a studio-defined type).",
})
export abstract class TypedContext extends Context {
  @Field(() => String, { description: 'The ftrack object type\'s name, e.g. "Shot" or a studio-defined one.' })
  objectType!: string;
}
