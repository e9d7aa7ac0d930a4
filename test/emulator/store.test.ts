import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/emulator/store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("emulator store", () => {
  it("gets by id, scans in insertion order across types, and finds by attribute", () => {
    const store = openStore(":memory:");
    store.insert({ type: "Task", id: "t1", attrs: { id: "t1", parent_id: "s1" } });
    store.insert({ type: "Shot", id: "s1", attrs: { id: "s1", parent_id: null } });
    store.insert({ type: "Task", id: "t2", attrs: { id: "t2", parent_id: "s1" } });
    expect(store.get(["Shot", "Task"], "t2")?.type).toBe("Task");
    expect(store.get(["Shot"], "t2")).toBeUndefined();
    expect([...store.scan(["Task", "Shot"])].map((e) => e.id)).toEqual(["t1", "s1", "t2"]);
    expect(store.findBy(["Task"], "parent_id", "s1").map((e) => e.id)).toEqual(["t1", "t2"]);
    expect(store.findBy(["Shot"], "parent_id", null).map((e) => e.id)).toEqual(["s1"]);

    store.update("Task", "t1", { parent_id: "other" });
    expect(store.findBy(["Task"], "parent_id", "s1").map((e) => e.id)).toEqual(["t2"]);
    expect(store.findBy(["Task"], "parent_id", "other").map((e) => e.id)).toEqual(["t1"]);
    store.remove("Task", "t2");
    expect(store.findBy(["Task"], "parent_id", "s1")).toEqual([]);
    expect(() => store.insert({ type: "Shot", id: "s1", attrs: {} })).toThrow();
    store.close();
  });

  it("rolls back the database, the index and blob changes of a failed transaction", () => {
    const store = openStore(":memory:");
    store.insert({ type: "Task", id: "t1", attrs: { id: "t1", name: "a", thumbnail_id: "c1" } });
    store.putBlob("c1", Buffer.from("keep"));
    expect(() =>
      store.transaction(() => {
        store.insert({ type: "Task", id: "t2", attrs: { id: "t2", thumbnail_id: "c1" } });
        store.update("Task", "t1", { name: "b" });
        store.remove("Task", "t1");
        store.deleteBlob("c1");
        store.putBlob("c2", Buffer.from("new"));
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(store.get(["Task"], "t1")?.attrs.name).toBe("a");
    expect(store.get(["Task"], "t2")).toBeUndefined();
    expect(store.findBy(["Task"], "thumbnail_id", "c1").map((e) => e.id)).toEqual(["t1"]);
    expect(store.getBlob("c1")?.toString()).toBe("keep");
    expect(store.getBlob("c2")).toBeUndefined();
    expect(store.size).toBe(1);

    store.transaction(() => {
      store.deleteBlob("c1");
      store.putBlob("c2", Buffer.from("new"));
    });
    expect(store.getBlob("c1")).toBeUndefined();
    expect(store.getBlob("c2")?.toString()).toBe("new");
    store.close();
  });

  it("persists entities, blobs and API keys in a data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-store-"));
    dirs.push(dir);
    const first = openStore(dir);
    first.insert({ type: "User", id: "u1", attrs: { id: "u1", username: "x" } });
    first.insert({ type: "User", id: "u2", attrs: { id: "u2", username: "y" } });
    first.update("User", "u1", { username: "z" });
    first.putBlob("c1", Buffer.from([1, 2, 3]));
    first.putBlob("../escape", Buffer.from("x"));
    first.setApiKey("z", "key-z");
    first.close();

    const second = openStore(dir);
    expect([...second.scan(["User"])].map((e) => [e.id, e.attrs.username])).toEqual([
      ["u1", "z"],
      ["u2", "y"],
    ]);
    expect(second.findBy(["User"], "username", "z")[0]?.id).toBe("u1");
    expect(second.getBlob("c1")).toEqual(Buffer.from([1, 2, 3]));
    expect(second.getBlob("../escape")?.toString()).toBe("x");
    expect(second.usernameForApiKey("key-z")).toBe("z");
    second.close();
  });
});
