/**
 * `npm run gateway`: the federated picture in one command. Starts the embedded ftrack-compatible
 * server (in memory, demo studio), this service as a subgraph, the example schedule and reviews
 * subgraphs (examples/schedule-subgraph) and a studio gateway composed over all three
 * (examples/studio-gateway): @apollo/gateway, or Hive Gateway with `npm run gateway:hive`. Both serve
 * the offline playground on a browser's GET.
 *
 * Ports: the service on PORT (4000), schedule and reviews on SCHEDULE_PORT and the next (4002, 4003),
 * the gateway on GATEWAY_PORT (4100); the embedded ftrack server on a free port.
 */
import "reflect-metadata";
import { startExampleSubgraphs } from "../examples/schedule-subgraph/subgraphs.server.js";
import { startHiveGateway } from "../examples/studio-gateway/hive.gateway.js";
import { startStudioGateway } from "../examples/studio-gateway/studio.gateway.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { DEMO, startEmulator } from "../src/emulator/index.js";
import { createLogger } from "../src/observability/logger.js";
import { startService } from "../src/service.js";
import { exitOnStartupError, namingPort } from "../src/startup.errors.js";

function portOf(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65534) {
    throw new ConfigError(`${name} must be an integer from 0 to 65534, got "${raw}"`);
  }
  return port;
}

const DUE = `{ tasksDue(before: "2031-12-31") { dueDate status name thumbnailUrl(size: 100) reviewState } }`;
const CHILDREN = `{ project(id: "${DEMO.projects.aurora.id}") { name reviewState children { nodes { name reviewState thumbnailUrl } } } }`;
const REVIEWED = "{ reviewed(state: APPROVED) { __typename id reviewState thumbnailUrl(size: 100) } }";
/** `gateway.ts hive` runs Hive Gateway; no argument, @apollo/gateway. Each with queries to try. */
const GATEWAYS = {
  apollo: { start: startStudioGateway, name: "@apollo/gateway", multipart: false, examples: [DUE, CHILDREN] },
  // Hive Gateway resolves reviews' @interfaceObject field only on lists reviews starts (see the README).
  hive: {
    start: startHiveGateway,
    name: "Hive Gateway",
    multipart: true,
    examples: [DUE.replace(" reviewState", ""), REVIEWED],
  },
} as const;

async function main() {
  const kind = process.argv[2] ?? "apollo";
  if (kind !== "apollo" && kind !== "hive")
    throw new ConfigError(`unknown gateway "${kind}": apollo or hive`);
  const chosen = GATEWAYS[kind];
  const config = loadConfig();
  const schedulePort = portOf("SCHEDULE_PORT", 4002);
  const gatewayPort = portOf("GATEWAY_PORT", 4100);
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn", undefined, config.logFormat);
  const emulator = await startEmulator();
  const service = await startService(
    config,
    { server: emulator.url, apiUser: emulator.apiUser, apiKey: emulator.apiKey },
    logger,
  );
  const examples = await startExampleSubgraphs({
    port: schedulePort,
    host: config.host,
    seed: {
      tasks: {
        [DEMO.task.id]: { dueDate: "2031-03-14", status: "IN_PROGRESS" },
        [DEMO.taskWithoutThumbnail.id]: { dueDate: "2031-03-21", status: "NOT_STARTED" },
      },
      reviews: {
        [DEMO.task.id]: "NEEDS_CHANGES",
        [DEMO.shot.id]: "APPROVED",
        [DEMO.projects.aurora.id]: "APPROVED",
      },
    },
  }).catch(namingPort("SCHEDULE_PORT", " (schedule listens on it, reviews on the next port)"));
  const gateway = await chosen
    .start({
      port: gatewayPort,
      host: config.host,
      subgraphs: [{ name: "thumbnails", url: `${service.url}/graphql` }, ...examples],
    })
    .catch(namingPort("GATEWAY_PORT"));

  const gatewayUrl = gateway.url.replace("127.0.0.1", "localhost");
  console.log(`
studio gateway     ${gatewayUrl}   (${chosen.name}; open it in a browser for the playground)
  thumbnails       ${service.url}/graphql   (this service; embedded ftrack at ${emulator.url})
${examples.map((subgraph) => `  ${subgraph.name.padEnd(16)} ${subgraph.url}   (examples/schedule-subgraph)`).join("\n")}

Try, through the gateway:
${chosen.examples
  .map(
    (query) =>
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query })}'`,
  )
  .join("\n")}

Uploads through the gateway: the two-step upload (createThumbnailUpload, PUT the file to its url,
completeThumbnailUpload; see the README)${chosen.multipart ? ", or uploadThumbnail as a multipart request" : ""}.
`);

  const stop = async () => {
    for (const close of [gateway.close, ...examples.map((s) => s.close), service.close, emulator.close]) {
      await close().catch((error: unknown) => console.error(error));
    }
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch(exitOnStartupError);
