/**
 * direct-resolvers.ts calls three resolver methods without type-graphql's pipeline. That is only
 * right while nothing of that pipeline applies to them: this fails as soon as one of them (or its
 * class, or the whole schema) gets middleware, an auth rule or a validated or custom argument.
 * And `thumbnailUrl` must stay synchronous unless `inherit: true` has something to read.
 */
import { GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { directFields } from "../../src/graphql/direct-resolvers.js";
import type { GraphContext } from "../../src/graphql/request-context.js";
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

describe("thumbnailUrl resolved directly", () => {
  // A task with nothing to inherit: no versions with a thumbnail, no ancestors.
  const session = { versionsWithThumbnail: async () => [], lineage: async () => null };
  const ctx = { ftrack: session, urls: { issue: (id: string, size: number) => `url:${id}:${size}` } };

  it("answers without a promise unless inheriting has something to read", async () => {
    const schema = await buildGraphSchema();
    const resolve = (schema.getType("Task") as GraphQLObjectType).getFields().thumbnailUrl!.resolve!;
    const call = (thumbnailId: string | null, inherit: boolean | null) =>
      resolve(
        { entityType: "Task", id: "t", thumbnailId },
        { size: 100, inherit },
        ctx as unknown as GraphContext,
        {} as GraphQLResolveInfo,
      );
    expect(call("own", false)).toBe("url:own:100");
    expect(call(null, false)).toBeNull();
    expect(call(null, null)).toBeNull();
    expect(call("own", true)).toBe("url:own:100");
    const inheriting = call(null, true);
    expect(inheriting).toBeInstanceOf(Promise);
    expect(await inheriting).toBeNull();
  });
});
