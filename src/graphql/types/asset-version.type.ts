import { Field, Int, ObjectType } from "type-graphql";
import { Thumbnailable } from "./thumbnailable.type.js";

@ObjectType("AssetVersion", { implements: [Thumbnailable] })
export class AssetVersion extends Thumbnailable {
  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Boolean, { description: "Whether this is the highest version of its asset." })
  isLatestVersion!: boolean;

  assetId!: string | null;
  taskId!: string | null;
  userId!: string | null;
}
