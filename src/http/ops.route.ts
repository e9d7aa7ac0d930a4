/** Operations endpoints: liveness (/healthz), readiness against ftrack (/readyz), Prometheus (/metrics). */
import { Router } from "express";
import { registry } from "../observability/metrics.js";

export function createOpsRouter({ ping }: { ping: () => Promise<void> }): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await ping();
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "ftrack is not reachable" });
    }
  });
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
