/**
 * A local studio gateway: @apollo/gateway over a supergraph composed at start (supergraph.compose.ts).
 * Subgraph `Cache-Control` headers are combined into the gateway's own (RemoteGraphQLDataSource honours
 * them by default). A browser's GET /graphql gets the thumbnails service's offline playground.
 * Multipart file uploads are not forwarded by @apollo/gateway: use the two-step upload
 * (createThumbnailUpload, PUT, completeThumbnailUpload), or send them to the subgraph directly.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { serveApollo } from "../apollo-http.server.js";
import { FORWARDED_HEADERS } from "./forwarded-headers.js";
import { composeSupergraph, type SubgraphEndpoint } from "./supergraph.compose.js";

export interface RunningGateway {
  /** The gateway's GraphQL endpoint. */
  url: string;
  supergraphSdl: string;
  close(): Promise<void>;
}

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
    playground: true,
  });
  return { url, supergraphSdl, close: () => server.stop() };
}
