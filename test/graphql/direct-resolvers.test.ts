/**
 * direct-resolvers.ts calls three resolver methods without type-graphql's pipeline. That is only
 * right while nothing of that pipeline applies to them: this fails as soon as one of them (or its
 * class, or the whole schema) gets middleware, an auth rule or a validated or custom argument.
 */
import { GraphQLObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { directFields } from "../../src/graphql/direct-resolvers.js";
import { buildGraphSchema, schemaOptions } from "../../src/graphql/schema.js";

describe("fields resolved directly", () => {
  it("carry no type-graphql middleware, auth or argument processing", async () => {
    const schema = await buildGraphSchema(); // builds type-graphql's metadata
    const storage = getMetadataStorage();
    expect(schemaOptions).not.toHaveProperty("globalMiddlewares");
    expect(schemaOptions).not.toHaveProperty("authChecker");
    for (const { resolver, on, field } of directFields()) {
      const where = `${resolver.class.name}.${resolver.method}`;
      const metadata = storage.fieldResolvers.find(
        (r) => r.target === resolver.class && r.methodName === resolver.method,
      );
      expect(metadata, where).toBeDefined();
      expect(metadata!.middlewares ?? [], where).toEqual([]);
      expect(metadata!.roles, where).toBeUndefined();
      for (const param of metadata!.params ?? []) {
        expect(param.kind, where).not.toBe("custom");
        if (param.kind === "arg" || param.kind === "args") {
          expect(param.validateFn, where).toBeUndefined();
          expect(param.validateSettings, where).toBeUndefined();
        }
      }
      // And the rewiring reached the served schema.
      const type = schema.getType(on === "Thumbnailable" ? "Task" : on);
      expect(type).toBeInstanceOf(GraphQLObjectType);
      expect((type as GraphQLObjectType).getFields()[field]?.resolve, where).toBeDefined();
    }
  });
});
