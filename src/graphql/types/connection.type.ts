import { Directive, Field, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../federation/cache-control.directive.js";

@Directive(INHERIT_CACHE_HINT)
@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** Base of a cursor-paginated list type: `XConnection { nodes: [X!]! pageInfo: PageInfo! }`. */
export function Connection<T>(node: () => abstract new (...args: never[]) => unknown) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => [node()])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
