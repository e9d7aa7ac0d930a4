/**
 * What the page needs to know about the service before its first GraphQL request: which identity
 * to ask for (the service's AUTH_MODE). The service answers it at /web-config.json.
 */

export type AuthMode = "none" | "jwt" | "ftrack-key";

export interface ServiceConfig {
  authMode: AuthMode;
}

export const GRAPHQL_PATH = "/graphql";

export async function loadServiceConfig(): Promise<ServiceConfig> {
  const response = await fetch("/web-config.json", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The service answered ${response.status} for its page configuration.`);
  return (await response.json()) as ServiceConfig;
}
