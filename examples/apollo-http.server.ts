/**
 * Serves an Apollo Server on `http://host:port/graphql` for the examples. Unlike Apollo's
 * startStandaloneServer, it opens the port only once the server can answer (so no request waits
 * forever on a server still starting) and reports a port in use as a rejected promise, not as an
 * uncaught error event.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServer, BaseContext, ContextFunction } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { type ExpressContextFunctionArgument, expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createPlaygroundRouter } from "../src/graphql/playground.js";

export async function serveApollo<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: {
    port: number;
    host: string;
    context?: ContextFunction<[ExpressContextFunctionArgument], TContext>;
    /** Serve the thumbnails service's offline playground on a browser's GET /graphql. */
    playground?: boolean;
  },
): Promise<{ url: string }> {
  const app = express();
  const httpServer = createServer(app);
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  if (options.playground) app.use(createPlaygroundRouter({ endpointPath: "/graphql" }));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(server, {
      context: options.context ?? (async () => ({}) as TContext),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return { url: `http://${host === "0.0.0.0" || host === "[::]" ? "localhost" : host}:${port}/graphql` };
}
