import { Directive, Field, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { ENTITY_KEY } from "../federation/entity-key.js";
import { Context } from "./context.type.js";
import { Thumbnailable } from "./thumbnailable.type.js";

@Directive(ENTITY_KEY)
@Directive(ENTITY_CACHE_HINT)
@ObjectType("Project", { implements: [Context, Thumbnailable] })
export class Project extends Context {
  @Field(() => String, { nullable: true })
  fullName!: string | null;
}
