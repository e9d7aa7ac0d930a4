/**
 * The federated picture for tests: this service (with the embedded ftrack server), the example
 * schedule and reviews subgraphs, and a studio gateway composed over them (@apollo/gateway, or Hive
 * Gateway), all on random ports.
 */

import type { ScheduleSeed } from "../../examples/schedule-subgraph/schedule.store.js";
import { startExampleSubgraphs } from "../../examples/schedule-subgraph/subgraphs.server.js";
import { startHiveGateway } from "../../examples/studio-gateway/hive.gateway.js";
import { type RunningGateway, startStudioGateway } from "../../examples/studio-gateway/studio.gateway.js";
import { type Harness, type HarnessOptions, startHarness } from "../support/service.harness.js";

export type GatewayKind = "apollo" | "hive";

export const GATEWAYS = {
  apollo: startStudioGateway,
  hive: startHiveGateway,
} as const satisfies Record<GatewayKind, typeof startStudioGateway>;

export interface StudioHarness {
  service: Harness;
  gateway: RunningGateway;
  /** For `graphql(...)` from the service harness: posts to the gateway. */
  graphqlUrl: string;
  close(): Promise<void>;
}

export async function startStudio(
  seed: ScheduleSeed,
  options: {
    gateway?: GatewayKind;
    service?: HarnessOptions;
    /** Credentials for reading the thumbnails subgraph's SDL, when its AUTH_MODE asks for them. */
    sdlHeaders?: Record<string, string>;
  } = {},
): Promise<StudioHarness> {
  const service = await startHarness(options.service);
  const examples = await startExampleSubgraphs({ seed });
  const gateway = await GATEWAYS[options.gateway ?? "apollo"]({
    subgraphs: [{ name: "thumbnails", url: service.graphqlUrl, headers: options.sdlHeaders }, ...examples],
  });
  return {
    service,
    gateway,
    graphqlUrl: gateway.url,
    async close() {
      await gateway.close();
      for (const subgraph of examples) await subgraph.close();
      await service.close();
    },
  };
}
