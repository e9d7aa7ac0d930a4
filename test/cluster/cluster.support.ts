/** What the cluster tests share: signed URLs for the cluster's key, GraphQL calls, metrics, readiness. */

import type { Cluster } from "../../scripts/cluster.stack.js";
import { loadConfig } from "../../src/config.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";

/** Signs thumbnail URLs (paths with their query) as the replicas do, with the cluster's key. */
export function clusterSigner(cluster: Cluster) {
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: cluster.urlSecrets });
  const signer = new ThumbnailUrlSigner(config.thumbnails, cluster.url);
  return (componentId: string, size: number) => {
    const url = new URL(signer.issue(componentId, size));
    return `${url.pathname}${url.search}`;
  };
}

export async function graphqlAt<T>(
  base: string,
  body: Record<string, unknown>,
): Promise<{ status: number; data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

export interface DemoThumbnail {
  type: "PROJECT" | "USER" | "CONTEXT";
  entityId: string;
  componentId: string;
}

/** The demo studio's thumbnails, one per component: projects', their contexts', then users'. */
export async function demoThumbnails(base: string): Promise<DemoThumbnail[]> {
  const node = "id thumbnail { id }";
  const { data } = await graphqlAt<{
    projects: { nodes: { id: string; thumbnail: { id: string } | null; contexts: { nodes: Node[] } }[] };
    users: { nodes: Node[] };
  }>(base, {
    query: `{ projects(first: 10) { nodes { ${node} contexts(first: 100) { nodes { ${node} } } } }
      users(first: 20) { nodes { ${node} } } }`,
  });
  type Node = { id: string; thumbnail: { id: string } | null };
  const all = [
    ...data!.projects.nodes.map((n) => ["PROJECT", n] as const),
    ...data!.projects.nodes.flatMap((p) => p.contexts.nodes.map((n) => ["CONTEXT", n] as const)),
    ...data!.users.nodes.map((n) => ["USER", n] as const),
  ];
  const byComponent = new Map<string, DemoThumbnail>();
  for (const [type, { id, thumbnail }] of all) {
    if (thumbnail && !byComponent.has(thumbnail.id))
      byComponent.set(thumbnail.id, { type, entityId: id, componentId: thumbnail.id });
  }
  return [...byComponent.values()];
}

/** Sum of a metric's samples (every label set matching `labels`) in a replica's /metrics. */
export async function metricAt(base: string, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(`${base}/metrics`)).text();
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => set[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

/** A metric summed over every replica of the cluster (which replica did the work may vary). */
export async function clusterMetric(cluster: Cluster, name: string, labels: Record<string, string> = {}) {
  const values = await Promise.all(cluster.replicas.map((r) => metricAt(r.url, name, labels)));
  return values.reduce((a, b) => a + b, 0);
}

export async function readyz(base: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
