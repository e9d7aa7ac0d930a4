/**
 * The contract between the emulator's query engine (schemas, query language, evaluator, encoder)
 * and its storage. The engine reads through EntityReader; the store implements it.
 */

/** One stored entity: its concrete type, id (a link table's: its two key values as a JSON list), and
 * its stored attributes by ftrack attribute name (scalars and foreign keys only; relations are
 * derived from the schema). Dates are ISO strings. */
export interface StoredEntity {
  type: string;
  id: string;
  attrs: Record<string, unknown>;
}

export interface EntityReader {
  /** The entity with this id whose concrete type is one of `types`. */
  get(types: readonly string[], id: string): StoredEntity | undefined;
  /** Every entity of these concrete types, in insertion order. */
  scan(types: readonly string[]): Iterable<StoredEntity>;
  /** Entities of these concrete types whose attribute equals value (used for collections: inverse foreign keys). */
  findBy(types: readonly string[], attribute: string, value: unknown): StoredEntity[];
}

export interface EntityWriter extends EntityReader {
  insert(entity: StoredEntity): void;
  update(type: string, id: string, attrs: Record<string, unknown>): void;
  remove(type: string, id: string): void;
  /** Runs fn atomically: everything or nothing is stored. */
  transaction<T>(fn: () => T): T;
}
