import { Directive, Field, ID, InterfaceType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";

/**
 * Anything ftrack can show a thumbnail for. Field resolvers live in thumbnailable.resolver.ts.
 * An entity interface (federation): other subgraphs extend it with `@interfaceObject`.
 */
@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@InterfaceType("Thumbnailable", {
  description: "An ftrack entity that can carry a thumbnail: a project, a context, a version or a user.",
})
export abstract class Thumbnailable {
  @Field(() => ID)
  id!: string;

  /** ftrack's concrete entity type ("Task", "AssetVersion", ...). Not exposed. */
  entityType!: string;

  /** Id of the thumbnail component, when the entity has one. Not exposed: use `thumbnail`. */
  thumbnailId!: string | null;
}
