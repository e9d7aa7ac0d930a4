/**
 * Turns the type-graphql schema into an Apollo Federation 2 subgraph schema: print it with its
 * directives (`@key`, `@cacheControl`), link the federation spec, and let @apollo/subgraph add
 * `_service` / `_entities` and wire the resolvers back in, plus each entity's reference resolver.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { createResolversMap } from "type-graphql";
import { createReferenceResolvers } from "./reference.resolvers.js";

const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.3";

const LINK = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])`;

export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const typeDefs = parse(`${LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(createReferenceResolvers())) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  type Module = Parameters<typeof buildSubgraphSchema>[0] & { typeDefs: unknown };
  return buildSubgraphSchema({ typeDefs, resolvers } as Module);
}
