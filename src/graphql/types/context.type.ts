import { Directive, Field, InterfaceType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";
import { Thumbnailable } from "./thumbnailable.type.js";

/** A Project or any TypedContext: the places in ftrack's hierarchy. */
@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
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
@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@InterfaceType("TypedContext", {
  implements: [Context, Thumbnailable],
  description: "An object in a project's hierarchy (Task, Shot, Sequence, ... or a studio-defined type).",
})
export abstract class TypedContext extends Context {
  @Field(() => String, {
    description: 'The ftrack object type\'s name, e.g. "Shot" or a studio-defined one.',
  })
  objectType!: string;
}
