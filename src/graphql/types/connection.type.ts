import { Field, ObjectType } from "type-graphql";

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
export function Connection<T>(node: () => Function) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => [node()])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
