import { Field, ID, InterfaceType } from "type-graphql";

/** Anything ftrack can show a thumbnail for. Field resolvers live in thumbnailable.resolver.ts. */
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
