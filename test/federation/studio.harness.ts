/**
 * The federated picture for tests: this service (with the embedded ftrack server), the example
 * schedule and reviews subgraphs, and the studio gateway composed over them, all on random ports.
 */

import type { ScheduleSeed } from "../../examples/schedule-subgraph/schedule.store.js";
import { startExampleSubgraphs } from "../../examples/schedule-subgraph/subgraphs.server.js";
import { type RunningGateway, startStudioGateway } from "../../examples/studio-gateway/studio.gateway.js";
import { type Harness, startHarness } from "../support/service.harness.js";

export interface StudioHarness {
  service: Harness;
  gateway: RunningGateway;
  /** For `graphql(...)` from the service harness: posts to the gateway. */
  graphqlUrl: string;
  close(): Promise<void>;
}

export async function startStudio(seed: ScheduleSeed): Promise<StudioHarness> {
  const service = await startHarness();
  const examples = await startExampleSubgraphs({ seed });
  const gateway = await startStudioGateway({
    subgraphs: [{ name: "thumbnails", url: service.graphqlUrl }, ...examples],
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
