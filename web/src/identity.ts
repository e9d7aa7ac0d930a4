/**
 * Who the page acts as. The credentials live in the page's memory only (never in storage or
 * cookies): closing or reloading the tab signs out.
 */

export type Identity =
  | { mode: "none" }
  | { mode: "jwt"; token: string }
  | { mode: "ftrack-key"; username: string; apiKey: string };

/** The request headers that carry an identity, as the service's AUTH_MODE expects them. */
export function identityHeaders(identity: Identity): Record<string, string> {
  switch (identity.mode) {
    case "none":
      return {};
    case "jwt":
      return { authorization: `Bearer ${identity.token}` };
    case "ftrack-key":
      return { "ftrack-user": identity.username, "ftrack-api-key": identity.apiKey };
  }
}
