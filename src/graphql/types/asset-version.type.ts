import { Directive, Field, Int, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";
import { Thumbnailable } from "./thumbnailable.type.js";

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
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
