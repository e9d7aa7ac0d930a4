/**
 * The same studio gateway on Hive Gateway (The Guild's, Node): its runtime (`createGatewayRuntime`
 * from @graphql-hive/gateway-runtime, what the `hive-gateway` CLI runs) in this process, over the
 * supergraph composed at start (supergraph.compose.ts). Unlike @apollo/gateway it forwards GraphQL
 * multipart requests (uploadThumbnail) to the subgraph; the two-step upload works too. A browser's
 * GET /graphql gets the thumbnails service's offline playground, not Hive's GraphiQL (a CDN page).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createPlaygroundRouter } from "../../src/graphql/playground.js";
import { FORWARDED_HEADERS } from "./forwarded-headers.js";
import type { RunningGateway } from "./studio.gateway.js";
import { composeSupergraph, type SubgraphEndpoint } from "./supergraph.compose.js";

/** What this file uses of the runtime. */
interface HiveRuntimeModule {
  createGatewayRuntime(config: HiveGatewayConfig): HiveGatewayRuntime;
}
interface HiveGatewayConfig {
  supergraph: string;
  transports: { http: unknown };
  multipart: boolean;
  graphiql: boolean;
  landingPage: boolean;
  logging: string;
  csrfPrevention: { requestHeaders: string[] };
  propagateHeaders: {
    fromClientToSubgraphs(payload: {
      request: { headers: { get(name: string): string | null } };
    }): Record<string, string>;
  };
}
interface HiveGatewayRuntime {
  (req: IncomingMessage, res: ServerResponse): void;
  dispose(): Promise<void> | void;
}

/**
 * Imported by a name the compiler does not follow: the runtime's typings reference the DOM library,
 * which would retype fetch and Buffer bodies for the whole project.
 */
const RUNTIME_PACKAGE: string = "@graphql-hive/gateway-runtime";
const HTTP_TRANSPORT_PACKAGE: string = "@graphql-mesh/transport-http";

export async function startHiveGateway(options: {
  subgraphs: SubgraphEndpoint[];
  port?: number;
  host?: string;
}): Promise<RunningGateway> {
  const supergraphSdl = await composeSupergraph(options.subgraphs);
  const { createGatewayRuntime } = (await import(RUNTIME_PACKAGE)) as HiveRuntimeModule;
  const http = (await import(HTTP_TRANSPORT_PACKAGE)) as { default: unknown };
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    transports: { http: http.default },
    multipart: true,
    graphiql: false,
    landingPage: false,
    logging: "warn",
    // As Apollo's: a request a browser could send without a preflight needs one of these headers.
    csrfPrevention: { requestHeaders: ["apollo-require-preflight", "x-apollo-operation-name"] },
    propagateHeaders: {
      fromClientToSubgraphs({ request }) {
        const headers: Record<string, string> = {
          // The subgraph's CSRF protection asks multipart requests for it; this is no browser.
          "apollo-require-preflight": "true",
        };
        for (const name of FORWARDED_HEADERS) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return headers;
      },
    },
  });

  const app = express();
  app.disable("x-powered-by");
  app.use(createPlaygroundRouter({ endpointPath: "/graphql" }));
  app.use("/graphql", runtime);
  const httpServer = createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      httpServer.off("error", reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await runtime.dispose();
    throw error;
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/graphql`,
    supergraphSdl,
    async close() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}
