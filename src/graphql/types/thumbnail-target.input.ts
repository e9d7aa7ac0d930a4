import { Field, ID, InputType } from "type-graphql";
import { ThumbnailableType } from "./thumbnailable-type.enum.js";

@InputType("ThumbnailTarget", { description: "One entity whose thumbnail a mutation reads or changes." })
export class ThumbnailTarget {
  @Field(() => ThumbnailableType, { description: "The entity's GraphQL type, e.g. Task or AssetVersion." })
  type!: ThumbnailableType;

  @Field(() => ID, { description: "The entity's ftrack id." })
  id!: string;
}
