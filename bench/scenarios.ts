/**
 * The representative reads, each written twice: as a GraphQL query to this layer, and as the
 * fewest @ftrack/api calls a careful human would write for the same data (dotted projections,
 * several operations in one `session.call`). Both sides build the same thumbnail URLs, and
 * `Shape` counts what each got back, so the bench can check they fetched the same thing.
 */
import { operation, type Session } from "@ftrack/api";
import { DEMO } from "../src/emulator/seed.js";

/** What a read returned: entities and thumbnail URLs (a srcset counts each of its URLs). */
export interface Shape {
  entities: number;
  urls: number;
}

/** A GraphQL request the bench sends. */
export interface GraphqlRead {
  id: string;
  title: string;
  graphql: { query: string; variables: Record<string, unknown> };
}

export interface Scenario extends GraphqlRead {
  /** How the @ftrack/api side reads it; `calls` is its number of session.call()s. */
  client: { calls: number; describe: string; run: (session: Session) => Promise<Shape> };
}

/** The cost of a request with no data: this service against bare Apollo Server on express. */
export const overhead: GraphqlRead = {
  id: "e",
  title: "{ __typename }: the cost of the HTTP and GraphQL pipeline alone",
  graphql: { query: "{ __typename }", variables: {} },
};

type Row = Record<string, unknown> & { id: string; thumbnail_id: string | null };

async function queries(session: Session, expressions: string[]): Promise<Row[][]> {
  const responses = await session.call(expressions.map((e) => operation.query(e)));
  return responses.map((r) => (r as { data: Row[] }).data);
}

/** Counts entities and URLs the way the GraphQL answer shows them (a null URL is no URL). */
function urlOf(session: Session, row: { thumbnail_id: string | null }, sizes = [300]): number {
  if (!row.thumbnail_id) return 0;
  for (const size of sizes) session.thumbnailUrl(row.thumbnail_id, { size });
  return sizes.length;
}

const TASK_FIELDS = `{ id name thumbnailUrl(size: 300) project { id name thumbnailUrl(size: 300) }
  versions(first: 5) { nodes { id version thumbnailUrl(size: 300) } } }`;

function tasksScenario(id: string, n: number): Scenario {
  const project = DEMO.bulk.project.id;
  const projectTasks = `from Task where project_id is "${project}"`;
  return {
    id,
    title: `${n} tasks of a project, each with its project and versions, with thumbnailUrl`,
    graphql: {
      query: `query Tasks($projectId: ID!, $first: Int!) { tasks(projectId: $projectId, first: $first) { nodes ${TASK_FIELDS} } }`,
      variables: { projectId: project, first: n },
    },
    client: {
      calls: 1,
      describe: "1 call: Task with dotted project.* + AssetVersion where task_id in (the project's tasks)",
      async run(session) {
        // ftrack refuses `limit` inside a subquery (MySQL error 1235), so one call reads the versions
        // of every task of the project and keeps those of the page's tasks.
        const [taskRows, versionRows] = await queries(session, [
          `select id, name, thumbnail_id, project.id, project.name, project.thumbnail_id ${projectTasks} order by name limit ${n}`,
          `select id, version, thumbnail_id, task_id from AssetVersion where task_id in (select id ${projectTasks}) order by version`,
        ]);
        const shape = { entities: 0, urls: 0 };
        const versionsByTask = new Map<unknown, Row[]>(taskRows.map((task) => [task.id, []]));
        for (const v of versionRows) versionsByTask.get(v.task_id)?.push(v);
        for (const task of taskRows) {
          const related = [task.project as Row, ...(versionsByTask.get(task.id) ?? []).slice(0, 5)];
          for (const row of [task, ...related]) {
            shape.entities++;
            shape.urls += urlOf(session, row);
          }
        }
        return shape;
      },
    },
  };
}

const SRCSET = [100, 300, 500];

export function scenarios(bulkTasks: number): Scenario[] {
  return [
    {
      id: "a",
      title: "one task by id, with thumbnailUrl",
      graphql: {
        query: "query Task($id: ID!) { task(id: $id) { id name thumbnailUrl(size: 300) } }",
        variables: { id: DEMO.task.id },
      },
      client: {
        calls: 1,
        describe: "1 call: one query",
        async run(session) {
          const [[task]] = await queries(session, [
            `select id, name, thumbnail_id from Task where id is "${DEMO.task.id}"`,
          ]);
          return { entities: 1, urls: urlOf(session, task) };
        },
      },
    },
    tasksScenario("b", 50),
    tasksScenario("c", Math.min(200, bulkTasks)),
    {
      id: "d",
      title: "project tree: projects -> contexts (50 each) -> thumbnail { srcset }",
      graphql: {
        query: `{ projects(first: 10) { nodes { id name thumbnail { srcset }
          contexts(first: 50) { nodes { id name objectType thumbnail { srcset } } } } } }`,
        variables: {},
      },
      client: {
        calls: 2,
        describe: "2 calls: projects, then one TypedContext query per project in one call",
        async run(session) {
          const [projects] = await queries(session, [
            "select id, name, thumbnail_id from Project order by name limit 10",
          ]);
          const contexts = await queries(
            session,
            projects.map(
              (p) =>
                `select id, name, object_type.name, thumbnail_id from TypedContext where project_id is "${p.id}" order by name limit 50`,
            ),
          );
          const rows = [...projects, ...contexts.flat()];
          return {
            entities: rows.length,
            urls: rows.reduce((sum, row) => sum + urlOf(session, row, SRCSET), 0),
          };
        },
      },
    },
  ];
}

/** The Shape of a GraphQL answer: objects with an `id`, and URLs of the delivery route. */
export function graphqlShape(data: unknown): Shape {
  const json = JSON.stringify(data);
  return {
    entities: json.match(/"id":/g)?.length ?? 0,
    urls: json.match(/\/thumbnails\//g)?.length ?? 0,
  };
}
