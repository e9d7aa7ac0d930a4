/**
 * direct-resolvers.ts calls the entities' field resolvers without type-graphql's pipeline. That is
 * only right while nothing of that pipeline applies to them: this fails as soon as one of them (or
 * its class, or the whole schema) gets middleware, an auth rule or a validated or custom argument,
 * or when a field resolver is added that is not called directly. And `thumbnailUrl` must stay
 * synchronous unless `inherit: true` has something to read.
 */
import { type GraphQLField, GraphQLObjectType, type GraphQLResolveInfo, isInterfaceType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { directFields } from "../../src/graphql/direct-resolvers.js";
import type { GraphContext } from "../../src/graphql/request-context.js";
import { buildGraphSchema, schemaOptions } from "../../src/graphql/schema.js";
import { Project } from "../../src/graphql/types/project.type.js";

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
      // And the rewiring reached the served schema: the field of every object type it applies to.
      const type = schema.getType(on);
      const objects = isInterfaceType(type) ? schema.getPossibleTypes(type) : [type];
      expect(objects.length, where).toBeGreaterThan(0);
      for (const object of objects) {
        expect(object).toBeInstanceOf(GraphQLObjectType);
        const resolve = (object as GraphQLObjectType).getFields()[field]?.resolve;
        expect(resolve, `${where} on ${object?.name}`).toBeDefined();
      }
    }
  });

  it("are every field resolver of the entities", async () => {
    await buildGraphSchema();
    const direct = new Set(directFields().map(({ resolver }) => `${resolver.class.name}.${resolver.method}`));
    const declared = getMetadataStorage().fieldResolvers.map((r) => `${r.target.name}.${r.methodName}`);
    expect(declared.filter((name) => !direct.has(name))).toEqual([]);
  });

  it("answer at once, without a promise, what the session already holds", async () => {
    const schema = await buildGraphSchema();
    const fields = (schema.getType("Task") as GraphQLObjectType).getFields() as Record<
      string,
      GraphQLField<unknown, unknown>
    >;
    const record = { entityType: "Project", id: "p1", name: "aurora", fullName: "Aurora" };
    const held = { ftrack: { project: () => record } };
    const read = { ftrack: { project: async () => record } };
    const info = { fieldNodes: [], fragments: {}, variableValues: {} } as never;
    const now = fields.project!.resolve!({ projectId: "p1" }, {}, held, info);
    expect(now).toBeInstanceOf(Project);
    expect(now).toMatchObject({ id: "p1", name: "aurora" });
    const later = fields.project!.resolve!({ projectId: "p1" }, {}, read, info);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBeInstanceOf(Project);
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
