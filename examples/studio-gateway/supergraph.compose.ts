/**
 * Composes a supergraph from running subgraphs, as `rover supergraph compose` would: fetch each
 * subgraph's SDL through `_service { sdl }`, then compose with @apollo/composition.
 */
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

export interface SubgraphEndpoint {
  name: string;
  /** GraphQL endpoint of the subgraph, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Sent when asking for its SDL, e.g. credentials when the thumbnails service's AUTH_MODE needs them. */
  headers?: Record<string, string>;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`supergraph composition failed:\n- ${messages.join("\n- ")}`);
    this.name = "CompositionError";
  }
}

export async function fetchSubgraphSdl(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } }; errors?: unknown[] };
  const sdl = body.data?._service?.sdl;
  if (!res.ok || !sdl) throw new Error(`${url} did not answer _service { sdl } (HTTP ${res.status})`);
  return sdl;
}

/** Returns the supergraph SDL, or throws CompositionError listing every composition error. */
export async function composeSupergraph(subgraphs: SubgraphEndpoint[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, url, headers }) => ({
      name,
      url,
      typeDefs: parse(await fetchSubgraphSdl(url, headers)),
    })),
  );
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
