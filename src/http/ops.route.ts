/**
 * Operations endpoints: liveness (/healthz), readiness against ftrack (/readyz, with the state of the
 * event hub listener that feeds subscriptions), Prometheus (/metrics).
 */
import { type Response, Router } from "express";
import type { FtrackConnectionStatus } from "../ftrack/connection.check.js";
import type { EventHubState } from "../ftrack/event-hub.types.js";
import type { Logger } from "../observability/logger.js";
import { registry } from "../observability/metrics.js";
import type { RedisHealth } from "../redis/redis.health.js";

export type FtrackCheck = () => Promise<FtrackConnectionStatus>;

/** The readiness route: the service answers it while stopping too (service.ts), with `shutting_down`. */
export const READINESS_PATH = "/readyz";

/**
 * The ftrack connection check, logging its outcome whenever it changes: at start, then as /readyz
 * sees ftrack go down or come back. A failure is an error log naming its cause.
 */
export function loggedFtrackCheck(check: FtrackCheck, logger: Logger): FtrackCheck {
  let last: string | undefined;
  return async () => {
    const status = await check();
    const outcome = status.ok ? "ok" : status.reason;
    if (outcome !== last) {
      last = outcome;
      if (status.ok) {
        logger.info(
          { ftrackVersion: status.version },
          "ftrack connection ok (server information, service credentials)",
        );
      } else {
        logger.error({ ftrackProblem: status.reason }, `ftrack connection failed: ${status.message}`);
      }
    }
    return status;
  };
}

export interface OpsRouterDeps {
  checkFtrack: FtrackCheck;
  /** "connected", or degraded: live thumbnails pause while it is "connecting" or "reconnecting". */
  eventHubState: () => EventHubState;
  /**
   * With REDIS_URL. The service serves without Redis too (from memory and ftrack), so Redis is only
   * reported: `redis` is `ok`, `degraded` or `connecting`.
   */
  redisHealth?: RedisHealth;
  /** True once the service is stopping (SIGTERM): it is not ready, whatever ftrack says. */
  stopping: () => boolean;
}

export function createOpsRouter({
  checkFtrack,
  eventHubState,
  redisHealth,
  stopping,
}: OpsRouterDeps): Router {
  const router = Router();
  const answerStopping = (res: Response) =>
    res.status(503).json({
      status: "unavailable",
      reason: "shutting_down",
      message: "The service is shutting down: it takes no new requests.",
    });
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get(READINESS_PATH, async (_req, res) => {
    if (stopping()) return answerStopping(res);
    const status = await checkFtrack();
    // A check that was under way when the stop began must not answer ready.
    if (stopping()) return answerStopping(res);
    const eventHub = eventHubState();
    const redis = redisHealth ? { redis: redisHealth.state.status } : {};
    // Queries and mutations need neither the hub nor Redis: without them the service is ready, but degraded.
    if (status.ok) res.json({ status: "ready", eventHub, ...redis });
    else
      res
        .status(503)
        .json({ status: "unavailable", reason: status.reason, message: status.message, eventHub, ...redis });
  });
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
