import { Field, ObjectType } from "type-graphql";
import { Thumbnailable } from "./thumbnailable.type.js";

@ObjectType("User", { implements: [Thumbnailable] })
export class User extends Thumbnailable {
  @Field(() => String)
  username!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;
}
