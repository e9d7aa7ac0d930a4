import { describe, expect, it } from "vitest";
import { MemoryPendingUploadStore } from "../../src/thumbnails/pending-upload.memory-store.js";
import type { PendingUpload } from "../../src/thumbnails/pending-upload.store.js";
import type { ValidImage } from "../../src/thumbnails/thumbnail.rules.js";

const T0 = 1_000_000;

function upload(n: number, expiresAt = T0 + 60_000): PendingUpload {
  return {
    id: `upload-${n}`,
    owner: "alice.anders",
    target: { kind: "TypedContext", id: "task" },
    fileName: "a.png",
    byteSize: 100,
    expiresAt,
  };
}

const image = (bytes: number): ValidImage => ({
  format: "png",
  width: 16,
  height: 16,
  frames: 1,
  bytes: Buffer.alloc(bytes),
});

function store(options: { maxUploads?: number; maxImageBytes?: number } = {}) {
  const clock = { ms: T0 };
  return { clock, store: new MemoryPendingUploadStore({ ...options, now: () => clock.ms }) };
}

describe("MemoryPendingUploadStore", () => {
  it("moves an upload through its states once each: reserved, receiving, received, taken", async () => {
    const { store: s } = store();
    await s.add(upload(1));
    expect(await s.take("upload-1")).toBeNull();
    expect(await s.startPut("upload-1")).toEqual(upload(1));
    expect(await s.startPut("upload-1")).toBe("used");
    expect(await s.get("upload-1")).toMatchObject({ state: "receiving" });
    await s.finishPut("upload-1", image(10));
    expect(await s.startPut("upload-1")).toBe("used");
    const taken = await s.take("upload-1");
    expect(taken).toMatchObject({ state: "received", image: { bytes: Buffer.alloc(10) } });
    expect(await s.take("upload-1")).toBeNull();
    expect(await s.startPut("upload-1")).toBe("missing");
    await s.putBack(taken!);
    expect(await s.take("upload-1")).toMatchObject({ state: "received" });
  });

  it("forgets an upload at its expiry, whatever its state", async () => {
    const { store: s, clock } = store();
    await s.add(upload(1, T0 + 1000));
    await s.add(upload(2, T0 + 1000));
    await s.startPut("upload-2");
    await s.finishPut("upload-2", image(10));
    clock.ms = T0 + 1000;
    expect(await s.get("upload-1")).toBeNull();
    expect(await s.startPut("upload-1")).toBe("missing");
    expect(await s.take("upload-2")).toBeNull();
  });

  it("keeps at most maxUploads: the oldest make room", async () => {
    const { store: s } = store({ maxUploads: 3 });
    for (let n = 1; n <= 5; n++) await s.add(upload(n));
    expect(await s.get("upload-1")).toBeNull();
    expect(await s.get("upload-2")).toBeNull();
    for (const n of [3, 4, 5]) expect(await s.get(`upload-${n}`)).not.toBeNull();
  });

  it("keeps at most maxImageBytes of checked images: older uploads make room, never the one received", async () => {
    const { store: s } = store({ maxImageBytes: 100 });
    for (const n of [1, 2, 3]) {
      await s.add(upload(n));
      await s.startPut(`upload-${n}`);
      await s.finishPut(`upload-${n}`, image(40));
    }
    expect(await s.get("upload-1")).toBeNull();
    expect(await s.get("upload-2")).toMatchObject({ state: "received" });
    expect(await s.get("upload-3")).toMatchObject({ state: "received" });
    // Taking an upload out frees its bytes.
    await s.take("upload-2");
    await s.add(upload(4));
    await s.startPut("upload-4");
    await s.finishPut("upload-4", image(60));
    expect(await s.get("upload-3")).toMatchObject({ state: "received" });
  });

  it("drops expired uploads first when a new one comes, before the oldest live one", async () => {
    const { store: s, clock } = store({ maxUploads: 2 });
    await s.add(upload(1, T0 + 60_000));
    await s.add(upload(2, T0 + 10));
    clock.ms = T0 + 10;
    await s.add(upload(3, T0 + 60_000));
    expect(await s.get("upload-1")).not.toBeNull();
    expect(await s.get("upload-3")).not.toBeNull();
  });
});
