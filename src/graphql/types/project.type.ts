import { Field, ObjectType } from "type-graphql";
import { Context } from "./context.type.js";
import { Thumbnailable } from "./thumbnailable.type.js";

@ObjectType("Project", { implements: [Context, Thumbnailable] })
export class Project extends Context {
  @Field(() => String, { nullable: true })
  fullName!: string | null;
}
