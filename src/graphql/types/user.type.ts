import { Directive, Field, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";
import { Thumbnailable } from "./thumbnailable.type.js";

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("User", { implements: [Thumbnailable] })
export class User extends Thumbnailable {
  @Field(() => String)
  username!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;
}
