/** Apollo's `@cacheControl` directive and its enum, declared by each example subgraph that sets hints. */
export const CACHE_CONTROL_SDL = /* GraphQL */ `
  directive @cacheControl(
    maxAge: Int
    scope: CacheControlScope
    inheritMaxAge: Boolean
  ) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  enum CacheControlScope {
    PUBLIC
    PRIVATE
  }
`;
