/** Serves the example subgraphs (schedule, reviews) over HTTP, each on its own port, sharing one store. */
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { serveApollo } from "../apollo-http.server.js";
import { buildReviewSchema } from "./review.schema.js";
import { buildScheduleSchema } from "./schedule.schema.js";
import { type ScheduleSeed, ScheduleStore } from "./schedule.store.js";

export interface RunningSubgraph {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4002/graphql. */
  url: string;
  close(): Promise<void>;
}

export interface ExampleSubgraphsOptions {
  /** Port of the schedule subgraph; reviews listens on the next one. 0 (default): free ports. */
  port?: number;
  host?: string;
  seed?: ScheduleSeed;
}

async function serve(
  name: string,
  schema: GraphQLSchema,
  port: number,
  host: string,
): Promise<RunningSubgraph> {
  // No Apollo Studio here: field traces for the gateway would be unused.
  const server = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await serveApollo(server, { port, host });
  return { name, url, close: () => server.stop() };
}

export async function startExampleSubgraphs(
  options: ExampleSubgraphsOptions = {},
): Promise<RunningSubgraph[]> {
  const store = new ScheduleStore(options.seed);
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const schedule = await serve("schedule", buildScheduleSchema(store), port, host);
  const reviews = await serve("reviews", buildReviewSchema(store), port === 0 ? 0 : port + 1, host);
  return [schedule, reviews];
}
