/**
 * A local studio gateway: @apollo/gateway over a supergraph composed at start (supergraph.compose.ts).
 * Subgraph `Cache-Control` headers are combined into the gateway's own (RemoteGraphQLDataSource honours
 * them by default). Multipart file uploads are not forwarded by @apollo/gateway: send them to the
 * subgraph directly.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { serveApollo } from "../apollo-http.server.js";
import { composeSupergraph, type SubgraphEndpoint } from "./supergraph.compose.js";

export interface RunningGateway {
  /** The gateway's GraphQL endpoint. */
  url: string;
  supergraphSdl: string;
  close(): Promise<void>;
}

/** Request headers a client sends that the subgraphs should see too: its identity (whichever
 * AUTH_MODE the thumbnails service runs) and the request id for logs. */
const FORWARDED_HEADERS = ["authorization", "ftrack-user", "ftrack-api-key", "x-request-id"];

type GatewayContext = { headers: Record<string, string | string[] | undefined> };

export async function startStudioGateway(options: {
  subgraphs: SubgraphEndpoint[];
  port?: number;
  host?: string;
}): Promise<RunningGateway> {
  const supergraphSdl = await composeSupergraph(options.subgraphs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest({ request, context }) {
          for (const name of FORWARDED_HEADERS) {
            const value = context.headers?.[name];
            if (typeof value === "string") request.http?.headers.set(name, value);
          }
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await serveApollo(server, {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    context: async ({ req }) => ({ headers: req.headers }),
  });
  return { url, supergraphSdl, close: () => server.stop() };
}
