/**
 * The page: learn the service's AUTH_MODE, sign in when it needs an identity, then browse projects
 * and their thumbnails with a GraphQL client that carries that identity.
 */
import { Provider, useQuery } from "@urql/preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { ErrorMessage } from "./error.view";
import { ProjectsDocument } from "./generated/graphql";
import { createGraphqlClient } from "./graphql.client";
import { Grid } from "./grid.view";
import { type Identity, identityHeaders } from "./identity";
import { ProjectList, projectIdFromHash } from "./projects.view";
import { loadServiceConfig, type ServiceConfig } from "./service.config";
import { fromCombinedError } from "./service.errors";
import { type Session, SessionContext } from "./session.context";
import { SignIn } from "./sign-in.view";

export function App() {
  const [config, setConfig] = useState<ServiceConfig | { error: string } | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [signInMessage, setSignInMessage] = useState<string>();

  useEffect(() => {
    loadServiceConfig().then(
      (loaded) => {
        setConfig(loaded);
        if (loaded.authMode === "none") setIdentity({ mode: "none" });
      },
      (error: Error) => setConfig({ error: error.message }),
    );
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!identity) return null;
    const signOut = (reason?: string) => {
      setSignInMessage(reason);
      setIdentity(null);
    };
    return { headers: identityHeaders(identity), signOut: identity.mode === "none" ? undefined : signOut };
  }, [identity]);
  const graphql = useMemo(
    () =>
      session &&
      createGraphqlClient(session.headers, () =>
        session.signOut?.("The service did not accept this sign-in. Check it and sign in again."),
      ),
    [session],
  );
  // A new identity gets a new client: the old one's WebSocket closes.
  useEffect(() => () => graphql?.close(), [graphql]);
  const signedIn = useMemo<Session | null>(
    () => session && graphql && { ...session, onLiveReconnected: graphql.onReconnected },
    [session, graphql],
  );

  return (
    <>
      <header class="top">
        <h1>ftrack thumbnails</h1>
        {session?.signOut && (
          <button type="button" onClick={() => session.signOut?.()}>
            Sign out
          </button>
        )}
      </header>
      {config === null && <p>Loading…</p>}
      {config && "error" in config && (
        <ErrorMessage error={{ code: "NETWORK_ERROR", message: config.error }} />
      )}
      {config && "authMode" in config && config.authMode !== "none" && !session && (
        <SignIn
          mode={config.authMode}
          message={signInMessage}
          onSignIn={(signedIn) => {
            setSignInMessage(undefined);
            setIdentity(signedIn);
          }}
        />
      )}
      {signedIn && graphql && (
        <SessionContext.Provider value={signedIn}>
          <Provider value={graphql.client}>
            <Browser />
          </Provider>
        </SessionContext.Provider>
      )}
    </>
  );
}

function Browser() {
  const [{ data, error }] = useQuery({ query: ProjectsDocument });
  const selectedId = useHashProjectId();
  const projects = data?.projects.nodes ?? [];
  const project = projects.find((p) => p.id === selectedId) ?? projects[0];
  return (
    <div class="layout">
      <ProjectList projects={projects} selectedId={project?.id} />
      <main>
        {error && <ErrorMessage error={fromCombinedError(error)} />}
        {data && !project && <p>No projects to show.</p>}
        {project && (
          <section aria-labelledby="project-title">
            <h2 id="project-title" class="project-title">
              {project.fullName ?? project.name}
            </h2>
            <p class="muted">
              Drop an image on a tile to make it its thumbnail, or use the tile's Upload button.
            </p>
            <Grid key={project.id} projectId={project.id} />
          </section>
        )}
      </main>
    </div>
  );
}

function useHashProjectId(): string | undefined {
  const [projectId, setProjectId] = useState(() => projectIdFromHash(location.hash));
  useEffect(() => {
    const update = () => setProjectId(projectIdFromHash(location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return projectId;
}
