/**
 * The arguments lists share: a page (`first` / `after`, see pagination.ts) and the common filters.
 * Field order here (and the order of a resolver's parameters, last first) is the order the schema
 * prints them in: keep it, or schema.graphql changes.
 */
import { ArgsType, Field, ID, Int } from "type-graphql";

/** Reads treat an id that cannot name an entity like one that names none: an empty list, not an error. */
export const filterById = (what: string) => ({
  nullable: true,
  description: `Only objects ${what}. An id that names nothing (or is not an ftrack id) gives an empty list.`,
});

@ArgsType()
export class PageArgs {
  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true })
  first?: number;
}

@ArgsType()
export class NamedPageArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  nameContains?: string;
}

/** `contexts`: objects under a project (any depth) or directly under a parent, of an object type. */
@ArgsType()
export class ContextListArgs extends NamedPageArgs {
  @Field(() => String, { nullable: true, description: 'e.g. "Shot"' })
  objectType?: string;

  @Field(() => ID, filterById("directly under this parent"))
  parentId?: string;

  @Field(() => ID, filterById("in this project (any depth)"))
  projectId?: string;
}
