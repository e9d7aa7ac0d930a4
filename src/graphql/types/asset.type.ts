import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Asset", { description: "An ftrack asset: a named series of versions under a context." })
export class Asset {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  contextId!: string | null;
}
