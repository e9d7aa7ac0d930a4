/**
 * An example "schedule" subgraph, as another team of a studio would run it: it owns due dates and
 * knows the thumbnail service's tasks only by id. `Task @key(fields: "id")` adds `dueDate` and
 * `status` to the thumbnail service's Task. Plain SDL and resolvers: the other side needs nothing
 * of this project's code. Its sibling review.schema.ts extends every Thumbnailable.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type GraphQLSchema, parse } from "graphql";
import { CACHE_CONTROL_SDL } from "./cache-control.sdl.js";
import type { ScheduleStore } from "./schedule.store.js";

export const scheduleTypeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  ${CACHE_CONTROL_SDL}

  "A task as the schedule sees it; the thumbnail service owns the rest of it."
  type Task @key(fields: "id") @cacheControl(maxAge: 30) {
    id: ID!
    "The day the task is due (YYYY-MM-DD); null when it is not scheduled."
    dueDate: String
    status: TaskStatus!
  }

  enum TaskStatus {
    NOT_STARTED
    IN_PROGRESS
    PENDING_REVIEW
    DONE
  }

  type Query {
    "Scheduled tasks due on or before a day (YYYY-MM-DD), earliest first."
    tasksDue(before: String!): [Task!]!
  }
`);

export function buildScheduleSchema(store: ScheduleStore): GraphQLSchema {
  const task = (id: string) => ({ id, ...store.task(id) });
  return buildSubgraphSchema({
    typeDefs: scheduleTypeDefs,
    resolvers: {
      Query: {
        tasksDue: (_root: unknown, args: { before: string }) => store.dueBefore(args.before).map(task),
      },
      Task: {
        __resolveReference: (reference: { id: string }) => task(reference.id),
      },
    },
  });
}
