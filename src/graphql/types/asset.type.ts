import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";

@Directive(ENTITY_CACHE_HINT)
@ObjectType("Asset", { description: "An ftrack asset: a named series of versions under a context." })
export class Asset {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  contextId!: string | null;
}
