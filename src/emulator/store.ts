/**
 * The emulator's storage: entities in SQLite (one row per entity, attributes as JSON) mirrored by an
 * in-memory index loaded at open and written through, plus blob storage for uploaded bytes.
 * Reads never touch SQLite; writes go to both. A transaction is all-or-nothing for both: SQLite
 * rolls back and an undo log restores the in-memory index.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { EntityWriter, StoredEntity } from "./store.types.js";

export interface EmulatorStore extends EntityWriter {
  /** Number of stored entities (all types). */
  readonly size: number;
  putBlob(componentId: string, bytes: Buffer): void;
  getBlob(componentId: string): Buffer | undefined;
  deleteBlob(componentId: string): void;
  /** Personal API keys: a key that authenticates as exactly one user. */
  setApiKey(username: string, apiKey: string): void;
  usernameForApiKey(apiKey: string): string | undefined;
  close(): void;
}

interface Row {
  seq: number;
  entity: StoredEntity;
}

/** Bytes by component id: on disk for a file store, in memory otherwise. */
interface BlobBackend {
  put(id: string, bytes: Buffer): void;
  get(id: string): Buffer | undefined;
  delete(id: string): void;
}

function memoryBlobs(): BlobBackend {
  const blobs = new Map<string, Buffer>();
  return {
    put: (id, bytes) => void blobs.set(id, Buffer.from(bytes)),
    get: (id) => blobs.get(id),
    delete: (id) => void blobs.delete(id),
  };
}

function fileBlobs(dir: string): BlobBackend {
  mkdirSync(dir, { recursive: true });
  // Ids come from clients: anything outside a plain id alphabet is hex-encoded so it cannot escape dir.
  const pathOf = (id: string) =>
    join(dir, /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : `x-${Buffer.from(id).toString("hex").slice(0, 200)}`);
  return {
    put(id, bytes) {
      const path = pathOf(id);
      // Write then rename, so a crash never leaves half a file under the final name.
      writeFileSync(`${path}.tmp`, bytes);
      renameSync(`${path}.tmp`, path);
    },
    get(id) {
      const path = pathOf(id);
      return existsSync(path) ? readFileSync(path) : undefined;
    },
    delete: (id) => rmSync(pathOf(id), { force: true }),
  };
}

const key = (type: string, id: string) => `${type}\u0000${id}`;

export function openStore(dataDir: string): EmulatorStore {
  const inMemory = dataDir === ":memory:";
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = new Database(inMemory ? ":memory:" : join(dataDir, "emulator.sqlite"));
  if (!inMemory) db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE IF NOT EXISTS entities (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    attrs TEXT NOT NULL,
    UNIQUE (type, id)
  )`);
  db.exec("CREATE TABLE IF NOT EXISTS api_keys (api_key TEXT PRIMARY KEY, username TEXT NOT NULL)");
  const blobs = inMemory ? memoryBlobs() : fileBlobs(join(dataDir, "files"));

  const sql = {
    insert: db.prepare("INSERT INTO entities (type, id, attrs) VALUES (?, ?, ?)"),
    update: db.prepare("UPDATE entities SET attrs = ? WHERE type = ? AND id = ?"),
    remove: db.prepare("DELETE FROM entities WHERE type = ? AND id = ?"),
    setApiKey: db.prepare("INSERT OR REPLACE INTO api_keys (api_key, username) VALUES (?, ?)"),
  };
  const apiKeys = new Map<string, string>(
    (
      db.prepare("SELECT api_key, username FROM api_keys").all() as { api_key: string; username: string }[]
    ).map((r) => [r.api_key, r.username]),
  );

  // The in-memory index: rows by type (Map keeps insertion order), by type+id, and lazily built
  // per (type, attribute) value indexes for findBy.
  const byType = new Map<string, Map<string, Row>>();
  const byKey = new Map<string, Row>();
  const valueIndexes = new Map<string, Map<unknown, Set<Row>>>();
  const indexedAttributes = new Map<string, Set<string>>();

  const rowsOf = (type: string) => {
    let rows = byType.get(type);
    if (!rows) {
      rows = new Map();
      byType.set(type, rows);
    }
    return rows;
  };

  function addTo(index: Map<unknown, Set<Row>>, attribute: string, row: Row) {
    const value = row.entity.attrs[attribute] ?? null;
    let set = index.get(value);
    if (!set) {
      set = new Set();
      index.set(value, set);
    }
    set.add(row);
  }

  function indexAdd(row: Row) {
    for (const attribute of indexedAttributes.get(row.entity.type) ?? []) {
      addTo(valueIndexes.get(`${row.entity.type}.${attribute}`)!, attribute, row);
    }
  }

  function indexDelete(row: Row) {
    for (const attribute of indexedAttributes.get(row.entity.type) ?? []) {
      valueIndexes
        .get(`${row.entity.type}.${attribute}`)!
        .get(row.entity.attrs[attribute] ?? null)
        ?.delete(row);
    }
  }

  function valueIndex(type: string, attribute: string): Map<unknown, Set<Row>> {
    const name = `${type}.${attribute}`;
    let index = valueIndexes.get(name);
    if (!index) {
      index = new Map();
      valueIndexes.set(name, index);
      let attributes = indexedAttributes.get(type);
      if (!attributes) {
        attributes = new Set();
        indexedAttributes.set(type, attributes);
      }
      attributes.add(attribute);
      for (const row of rowsOf(type).values()) addTo(index, attribute, row);
    }
    return index;
  }

  function memAdd(row: Row) {
    rowsOf(row.entity.type).set(row.entity.id, row);
    byKey.set(key(row.entity.type, row.entity.id), row);
    indexAdd(row);
  }

  function memRemove(row: Row) {
    indexDelete(row);
    byType.get(row.entity.type)?.delete(row.entity.id);
    byKey.delete(key(row.entity.type, row.entity.id));
  }

  for (const r of db.prepare("SELECT seq, type, id, attrs FROM entities ORDER BY seq").iterate() as Iterable<{
    seq: number;
    type: string;
    id: string;
    attrs: string;
  }>) {
    memAdd({ seq: r.seq, entity: { type: r.type, id: r.id, attrs: JSON.parse(r.attrs) } });
  }

  // Undo log of the running transaction, and effects held until it commits (blob deletes).
  let depth = 0;
  const undo: (() => void)[] = [];
  let afterCommit: (() => void)[] = [];
  const sqlTransaction = db.transaction((fn: () => unknown) => fn());

  const bySeq = (a: Row, b: Row) => a.seq - b.seq;

  const store: EmulatorStore = {
    get size() {
      return byKey.size;
    },

    get(types, id) {
      for (const type of types) {
        const row = byKey.get(key(type, id));
        if (row) return row.entity;
      }
      return undefined;
    },

    *scan(types) {
      if (types.length === 1) {
        // Copy first: callers may write while iterating.
        for (const row of [...rowsOf(types[0]).values()]) yield row.entity;
        return;
      }
      const rows: Row[] = [];
      for (const type of new Set(types)) for (const row of rowsOf(type).values()) rows.push(row);
      rows.sort(bySeq);
      for (const row of rows) yield row.entity;
    },

    findBy(types, attribute, value) {
      const rows: Row[] = [];
      for (const type of new Set(types)) {
        const set = valueIndex(type, attribute).get(value ?? null);
        if (set) for (const row of set) rows.push(row);
      }
      return rows.sort(bySeq).map((row) => row.entity);
    },

    insert(entity) {
      if (byKey.has(key(entity.type, entity.id))) {
        throw new Error(`${entity.type} ${entity.id} already exists`);
      }
      const stored: StoredEntity = { type: entity.type, id: entity.id, attrs: { ...entity.attrs } };
      const info = sql.insert.run(stored.type, stored.id, JSON.stringify(stored.attrs));
      const row = { seq: Number(info.lastInsertRowid), entity: stored };
      memAdd(row);
      if (depth > 0) undo.push(() => memRemove(row));
    },

    update(type, id, attrs) {
      const row = byKey.get(key(type, id));
      if (!row) throw new Error(`${type} ${id} does not exist`);
      const before = row.entity;
      const after: StoredEntity = { type, id, attrs: { ...before.attrs, ...attrs } };
      sql.update.run(JSON.stringify(after.attrs), type, id);
      // Entities are replaced, never mutated, so readers holding the old object see a stable value.
      indexDelete(row);
      row.entity = after;
      indexAdd(row);
      if (depth > 0) {
        undo.push(() => {
          indexDelete(row);
          row.entity = before;
          indexAdd(row);
        });
      }
    },

    remove(type, id) {
      const row = byKey.get(key(type, id));
      if (!row) return;
      sql.remove.run(type, id);
      memRemove(row);
      if (depth > 0) undo.push(() => memAdd(row));
    },

    transaction<T>(fn: () => T): T {
      const mark = undo.length;
      const effectsMark = afterCommit.length;
      depth++;
      try {
        const result = sqlTransaction(fn) as T;
        depth--;
        if (depth === 0) {
          undo.length = 0;
          const effects = afterCommit;
          afterCommit = [];
          for (const effect of effects) effect();
        }
        return result;
      } catch (error) {
        depth--;
        // Restore the index to where this (possibly nested) transaction began.
        while (undo.length > mark) undo.pop()!();
        afterCommit.length = effectsMark;
        throw error;
      }
    },

    putBlob(componentId, bytes) {
      // Inside a transaction the bytes are stored at commit, so a rolled-back batch stores nothing.
      if (depth > 0) afterCommit.push(() => blobs.put(componentId, bytes));
      else blobs.put(componentId, bytes);
    },

    getBlob(componentId) {
      return blobs.get(componentId);
    },

    deleteBlob(componentId) {
      // Inside a transaction the delete waits for the commit, so a rolled-back batch keeps the bytes.
      if (depth > 0) afterCommit.push(() => blobs.delete(componentId));
      else blobs.delete(componentId);
    },

    setApiKey(username, apiKey) {
      sql.setApiKey.run(apiKey, username);
      apiKeys.set(apiKey, username);
    },

    usernameForApiKey(apiKey) {
      return apiKeys.get(apiKey);
    },

    close() {
      db.close();
    },
  };
  return store;
}
