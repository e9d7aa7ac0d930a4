/**
 * Look-ahead: a query's records read together with what the caller's plan (read-plan.ts) will ask
 * of them next, in the same `POST /api`, and put in the per-request loaders and list memo so that
 * the next levels cost no round trip.
 *
 * - To-one relations ride in the query itself as dotted projections
 *   (`select name, thumbnail_id, project.name, project.thumbnail_id, ... from Task where ...`): exact,
 *   one row's relations per row. A TypedContext's `parent` is a Project or a TypedContext, and ftrack
 *   resolves a dotted path against the declared type (`Context`, which has neither `full_name` nor
 *   `object_type`), so the parent comes through `project.*` and `ancestors.*`, both typed: the parent
 *   is the project or the nearest ancestor, and the ones above it come along.
 * - An asset's `parent` has no typed path: it is read by one query per kind it may be
 *   (`select ... from Project where id in (select context_id from Asset where ...)`).
 * - Lists under records (a task's versions, a project's contexts) cannot be projected with a page
 *   each. They are asked speculatively, in the same POST, from the parents' own condition:
 *   `select ... from AssetVersion where task_id in (select id from Task where <the page's condition>)`
 *   with a row cap. The subquery carries no `limit` (ftrack's MySQL refuses one there), so it
 *   covers every parent the condition matches, the page's included: when the cap was not reached, each
 *   parent's whole list is known (whether or not the page was the whole list) and is grouped in
 *   memory. When it was reached, or ftrack refused the query, nothing is assumed: the list's resolver
 *   reads exactly its page's parents with one more round trip (the grouped loaders, or a paged query).
 *   A list of versions reads only the attributes its plan shows (entity.mappers.ts, partialRead);
 *   its records lack the rest, so they go to the list memo, marked, and never to the loaders.
 *
 * A speculative query never fails a read: its errors are dropped with its answer.
 */
import { isEntity, partialRead, queryData, RECORD_KINDS, type RecordKind } from "./entity.mappers.js";
import { and, type Condition, inSubquery, type Query, type QueryExpression, select } from "./expression.js";
import type { FtrackEntity } from "./ftrack.types.js";
import {
  type KnownList,
  LIST_SPECS,
  ListMemo,
  type ListSpec,
  listFilter,
  listQuery,
} from "./list.loaders.js";
import {
  isEmptyPlan,
  type ListPlan,
  mergePlans,
  planWith,
  type ReadPlan,
  type RelationName,
} from "./read-plan.js";

const LACKS_NOTHING: ReadonlySet<string> = new Set();

/** Rows a speculative query may return; past it the answer is dropped (see above). */
export const SPECULATIVE_ROW_CAP = 2000;
/**
 * A speculative list may bring this many times the rows its page needs (each parent's page and one
 * more row): when the parents' condition covers many more than the page, speculating would cost
 * ftrack more than the one more round trip it saves.
 */
const WASTE_FACTOR = 4;
/** The least a speculative list may bring (a handful of parents with short lists). */
const MIN_ROW_CAP = 100;
/** Deepest nesting of subqueries a speculative query may carry (lists under lists under lists). */
const MAX_SUBQUERY_DEPTH = 3;

type Relation =
  /** A typed to-one relation: projected as `<path>.<field>`; `fk` holds its id on the owner. */
  | { via: "projection"; path: string; kind: RecordKind; fk: string }
  /** TypedContext.parent: through `project.*` and `ancestors.*`. */
  | { via: "ancestors" }
  /** A relation to a Project or a TypedContext with no typed path: one query per kind. */
  | { via: "query"; fk: string; kinds: RecordKind[] };

const thumbnail: Relation = { via: "projection", path: "thumbnail", kind: "Component", fk: "thumbnail_id" };

/** The relations each kind of record has, by the name plans use. */
const RELATIONS: Record<RecordKind, Partial<Record<RelationName, Relation>>> = {
  Project: { thumbnail },
  TypedContext: {
    project: { via: "projection", path: "project", kind: "Project", fk: "project_id" },
    parent: { via: "ancestors" },
    thumbnail,
  },
  AssetVersion: {
    asset: { via: "projection", path: "asset", kind: "Asset", fk: "asset_id" },
    task: { via: "projection", path: "task", kind: "TypedContext", fk: "task_id" },
    user: { via: "projection", path: "user", kind: "User", fk: "user_id" },
    thumbnail,
  },
  Asset: { parent: { via: "query", fk: "context_id", kinds: ["Project", "TypedContext"] } },
  User: { thumbnail },
  Component: {},
};

/** The lists under each kind of record, by the name plans use. */
const LISTS: Record<RecordKind, Partial<Record<ListPlan["list"], ListSpec>>> = {
  Project: { children: LIST_SPECS.childrenByParent, contexts: LIST_SPECS.contextsByProject },
  TypedContext: { children: LIST_SPECS.childrenByParent, versions: LIST_SPECS.versionsByTask },
  AssetVersion: {},
  Asset: { versions: LIST_SPECS.versionsByAsset },
  User: {},
  Component: {},
};

/** What the loaders and the list memo are given. */
export interface LookAheadTarget {
  /** Submits one query as a unit of its own: in this tick, so in the same POST as the others. */
  query(expression: QueryExpression): Promise<unknown>;
  prime(kind: RecordKind, record: { id: string }): void;
  primeList(key: string, list: KnownList<unknown>): void;
}

/** Records of one or more kinds, as the query of their ids (which other queries take as a subquery). */
interface RecordSet {
  kinds: RecordKind[];
  ids: Query;
  /** Subqueries nested in `ids`. */
  depth: number;
  /** The query whose rows the set is, when it is one: what they point to is then one subquery away. */
  rows?: Query;
  /** The most records of the set the page can hold (a page's limit; unbounded for records by id). */
  bound: number;
}

/** What a plan adds to a query at one level of its rows (the rows themselves, or objects in them). */
interface Level {
  /** Paths to select, relative to the level. */
  paths: string[];
  /** Primes what the level's objects carry; tells the lists under them who their parents are. */
  read(objects: FtrackEntity[]): void;
}

interface Speculation {
  query: Query;
  /** The most rows its answer may have; past it, it is cut. */
  cap: number;
  /** `capped`: the rows stop at the cap, so lists built from them may be cut. */
  apply(rows: FtrackEntity[], capped: boolean): void;
}

const prefixed = (path: string, paths: readonly string[]) => paths.map((p) => `${path}.${p}`);
const entitiesAt = (objects: FtrackEntity[], path: string): FtrackEntity[] =>
  objects.flatMap((o) => {
    const value = o[path];
    return Array.isArray(value) ? value.filter(isEntity) : isEntity(value) ? [value] : [];
  });
const idsOf = (objects: FtrackEntity[], attribute: string) =>
  objects.map((o) => o[attribute]).filter((id): id is string => typeof id === "string");

/** The records `fk` points to from every record of `set` (a set of `owner`s). */
function follow(set: RecordSet, owner: RecordKind, fk: string, kinds: RecordKind[]): RecordSet {
  const { type } = RECORD_KINDS[owner];
  if (set.rows?.type === type)
    return { kinds, ids: set.rows.subquery(fk), depth: set.depth, bound: set.bound };
  const ids = select(fk).from(type).where(inSubquery("id", set.ids));
  return { kinds, ids, depth: set.depth + 1, bound: set.bound };
}

/** The attributes holding the ids of the relations `plan` follows from records of `kind`. */
function followedIds(kind: RecordKind, plan: ReadPlan): string[] {
  return Object.keys(plan.one).flatMap((name) => {
    const relation = RELATIONS[kind][name as RelationName];
    return relation && "fk" in relation ? [relation.fk] : [];
  });
}

/** A plan's to-one relations above a parent, folded into one (the parent's own lists are kept apart). */
function upward(plan: ReadPlan): ReadPlan["one"] {
  const folded = planWith({ one: { ...plan.one } });
  for (const above of ["parent", "project"] as const) {
    const next = folded.one[above];
    delete folded.one[above];
    if (next) mergePlans(folded, planWith({ one: upward(next) }));
  }
  return folded.one;
}

class Planner {
  readonly speculations: Speculation[] = [];

  constructor(private readonly target: LookAheadTarget) {}

  /** Kind and id of every record primed, so one that many rows share (their project) is primed once. */
  readonly #primed = new Set<string>();

  primeAll(kind: RecordKind, objects: FtrackEntity[]) {
    const { map } = RECORD_KINDS[kind];
    for (const object of objects) {
      const key = `${kind}:${object.id}`;
      if (this.#primed.has(key)) continue;
      this.#primed.add(key);
      this.target.prime(kind, map(object));
    }
  }

  level(kind: RecordKind, set: RecordSet, plan: ReadPlan): Level {
    const paths: string[] = [];
    const readers: ((objects: FtrackEntity[]) => void)[] = [];
    for (const [name, nested] of Object.entries(plan.one) as [RelationName, ReadPlan][]) {
      const relation = RELATIONS[kind][name];
      if (!relation) continue;
      if (relation.via === "projection") {
        const { path, kind: target } = relation;
        const below = this.level(target, follow(set, kind, relation.fk, [target]), nested);
        paths.push(...prefixed(path, [...RECORD_KINDS[target].fields, ...below.paths]));
        readers.push((objects) => {
          const related = entitiesAt(objects, path);
          this.primeAll(target, related);
          below.read(related);
        });
      } else if (relation.via === "ancestors") {
        const parents = follow(set, kind, "parent_id", ["Project", "TypedContext"]);
        // Whatever is asked above the parent (its parent, its project) is among these same records.
        const above = planWith({ one: upward(nested) });
        const sides = [
          { path: "ancestors", kind: "TypedContext" as const },
          { path: "project", kind: "Project" as const },
        ].map((side) => ({ ...side, level: this.level(side.kind, parents, above) }));
        for (const side of sides) {
          paths.push(...prefixed(side.path, [...RECORD_KINDS[side.kind].fields, ...side.level.paths]));
        }
        const lists = this.lists(parents, nested.lists);
        readers.push((objects) => {
          for (const side of sides) {
            const related = entitiesAt(objects, side.path);
            this.primeAll(side.kind, related);
            side.level.read(related);
          }
          lists(idsOf(objects, "parent_id"));
        });
      } else {
        const targets = follow(set, kind, relation.fk, relation.kinds);
        for (const target of relation.kinds) this.records(target, targets, nested);
      }
    }
    const lists = this.lists(set, plan.lists);
    readers.push((objects) => lists(idsOf(objects, "id")));
    return {
      paths,
      read: (objects) => {
        for (const read of readers) read(objects);
      },
    };
  }

  /** Reads the records of `set` of one kind with a query of their own. */
  records(kind: RecordKind, set: RecordSet, plan: ReadPlan): void {
    if (set.depth >= MAX_SUBQUERY_DEPTH) return;
    // Its slot comes before the speculations its own level adds, which read the records it brings.
    const slot = this.speculations.push({ query: set.ids, cap: 0, apply: () => {} }) - 1;
    const { type, fields } = RECORD_KINDS[kind];
    const rows = select(...fields)
      .from(type)
      .where(inSubquery("id", set.ids));
    const level = this.level(kind, { ...set, kinds: [kind], rows }, plan);
    this.speculations[slot] = {
      query: rows.also(...level.paths).limit(SPECULATIVE_ROW_CAP + 1),
      cap: SPECULATIVE_ROW_CAP,
      apply: (rows) => {
        this.primeAll(kind, rows);
        level.read(rows);
      },
    };
  }

  /** Speculates the lists `plans` asks for under every record of `set`; returns who to tell the parents to. */
  lists(set: RecordSet, plans: ListPlan[]): (parentIds: string[]) => void {
    const told: ((parentIds: string[]) => void)[] = [];
    for (const { list, filter, limit, plan } of plans) {
      const spec = set.kinds.map((kind) => LISTS[kind][list]).find((s) => s !== undefined);
      if (!spec || set.depth >= MAX_SUBQUERY_DEPTH) continue;
      const cap = Math.min(
        SPECULATIVE_ROW_CAP,
        Math.max(MIN_ROW_CAP, set.bound * (limit + 1) * WASTE_FACTOR),
      );
      told.push(this.list(spec, listFilter(filter), set, plan, cap));
    }
    return (parentIds) => {
      for (const tell of told) tell(parentIds);
    };
  }

  list(spec: ListSpec, filter: Condition | undefined, set: RecordSet, plan: ReadPlan, cap: number) {
    const slot = this.speculations.push({ query: set.ids, cap: 0, apply: () => {} }) - 1;
    const where = and(inSubquery(spec.parentAttribute, set.ids), filter);
    // Only what the selection shows (and the ids followed from it), as a hand-written query would.
    const partial = partialRead(spec.kind, plan.fields, [
      spec.parentAttribute,
      ...followedIds(spec.kind, plan),
    ]);
    const query = listQuery(spec, where, partial?.attributes);
    const level = this.level(
      spec.kind,
      { kinds: [spec.kind], ids: query.subquery(), depth: set.depth + 1, rows: query, bound: cap },
      plan,
    );
    const parents = new Set<string>();
    const { map } = RECORD_KINDS[spec.kind];
    this.speculations[slot] = {
      query: query.also(spec.parentAttribute, ...level.paths).limit(cap + 1),
      cap,
      apply: (rows, capped) => {
        // Records read in part never reach the loaders: whoever asks them by id gets whole ones.
        if (!partial) this.primeAll(spec.kind, rows);
        level.read(rows);
        if (capped) return;
        const groups = new Map<string, unknown[]>([...parents].map((id) => [id, []]));
        for (const row of rows) groups.get(row[spec.parentAttribute] as string)?.push(map(row));
        const lacks = partial?.lacks ?? LACKS_NOTHING;
        for (const [id, records] of groups)
          this.target.primeList(ListMemo.key(spec, filter, id), { records, lacks });
      },
    };
    return (parentIds: string[]) => {
      for (const id of parentIds) parents.add(id);
    };
  }
}

/**
 * The entities of `query` (rows of `kind`; the plan's paths are added to it), sent in this tick with
 * every query `plan` calls for; what those bring is primed into the target before this resolves.
 * The caller primes the rows.
 */
export async function readAhead(
  target: LookAheadTarget,
  kind: RecordKind,
  query: Query,
  plan: ReadPlan | undefined,
): Promise<FtrackEntity[]> {
  if (!plan || isEmptyPlan(plan)) return queryData(await target.query(query.toString()));
  const planner = new Planner(target);
  const level = planner.level(
    kind,
    { kinds: [kind], ids: query.subquery(), depth: 0, rows: query, bound: query.maxRows },
    plan,
  );
  const base = target.query(query.also(...level.paths).toString());
  // The same query asked twice (the lists under an asset's parent, whichever kind it is) is sent once.
  const sent = new Map<string, Promise<FtrackEntity[] | null>>();
  const speculative = planner.speculations.map(({ query: q }) => {
    const expression = q.toString();
    let answer = sent.get(expression);
    if (!answer) {
      answer = target.query(expression).then(queryData, () => null);
      sent.set(expression, answer);
    }
    return answer;
  });
  const rows = queryData(await base);
  level.read(rows);
  const answers = await Promise.all(speculative);
  answers.forEach((answer, i) => {
    const { cap, apply } = planner.speculations[i];
    if (answer) apply(answer.slice(0, cap), answer.length > cap);
  });
  return rows;
}
