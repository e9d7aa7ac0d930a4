/**
 * The playground's routing over real HTTP: which GETs of /graphql get the IDE and which reach
 * Apollo, its Content-Security-Policy, its self-hosted files, and PLAYGROUND=false.
 * (The browser test in test/e2e drives the IDE itself.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_RESULT_HINT } from "../../src/graphql/playground.js";
import { type Harness, startHarness } from "../support/service.harness.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("playground enabled (the default)", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("serves the IDE to a browser's GET /graphql, under a same-origin CSP", async () => {
    const res = await fetch(harness.graphqlUrl, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("vary")).toMatch(/accept/i);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();

    const html = await res.text();
    expect(html).toContain('<base href="/playground/">');
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain("AltairGraphQL.init(");
    expect(html).toContain("endpointURL: `/graphql`");
    expect(html).toMatch(/'apollo-require-preflight': `true`/);
    // Nothing the page loads by itself comes from another origin.
    const external = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => /^(https?:)?\/\//.test(u));
    expect(external).toEqual([]);
  });

  it("serves the IDE's texts with a hint for the empty result pane, in every language it loads", async () => {
    for (const language of ["en", "en-US", "default", "fr-FR"]) {
      const res = await fetch(`${harness.url}/playground/assets/i18n/${language}.json`);
      expect(res.status, language).toBe(200);
      const strings = (await res.json()) as Record<string, string>;
      expect(strings.QUERY_RESULT_NO_RESULT_TEXT).toBe(EMPTY_RESULT_HINT);
      // Altair's other texts are kept.
      expect(Object.keys(strings).length).toBeGreaterThan(50);
    }
    // A language Altair lacks, or a name that is no language, is left to Altair's own file route.
    for (const name of ["xx-XX.json", "..%2F..%2Fpackage.json"]) {
      const res = await fetch(`${harness.url}/playground/assets/i18n/${name}`);
      expect(await res.text(), name).not.toContain(EMPTY_RESULT_HINT);
    }
  });

  it("gives each page load a fresh nonce", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec(
        (await fetch(harness.graphqlUrl, { headers: { accept: "text/html" } })).headers.get(
          "content-security-policy",
        ) ?? "",
      )?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it("serves the IDE's own scripts and styles from /playground/", async () => {
    const script = await fetch(`${harness.url}/playground/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const styles = await fetch(`${harness.url}/playground/styles.css`);
    expect(styles.status).toBe(200);
    expect(styles.headers.get("content-type")).toMatch(/css/);
  });

  it("leaves GETs that carry a query, or prefer JSON, to Apollo", async () => {
    const headers = { "apollo-require-preflight": "true" };
    const withQuery = await fetch(`${harness.graphqlUrl}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { ...headers, accept: BROWSER_ACCEPT },
    });
    expect(withQuery.status).toBe(200);
    expect(await withQuery.json()).toEqual({ data: { __typename: "Query" } });

    const json = await fetch(harness.graphqlUrl, { headers: { ...headers, accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("content-security-policy") ?? "").not.toContain("nonce-");
  });

  it("still answers POST /graphql", async () => {
    const res = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("PLAYGROUND=false", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { PLAYGROUND: "false" } });
  });
  afterAll(() => harness?.close());

  it("serves no IDE and no IDE files, and no other landing page either", async () => {
    const page = await fetch(harness.graphqlUrl, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/html/);
    expect(await page.text()).not.toContain("AltairGraphQL");
    expect((await fetch(`${harness.url}/playground/main.js`)).status).toBe(404);
  });

  it("still answers queries", async () => {
    const res = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });
});
