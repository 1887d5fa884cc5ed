import { DEFAULT_SUPERGRAPH_PATH, startGateway, type RunningGateway } from '../src/index.js';

// No subgraph runs here: the gateway must serve its own pages without them, and without
// anything from the internet.
let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls: { households: 'http://127.0.0.1:9/graphql' }, subgraphTimeoutMs: 2000 });
});
afterAll(() => gateway?.stop());

test('GraphiQL is served from local files only', async () => {
  const page = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('GraphiQL');
  // Every script and stylesheet is same-origin: no CDN on an intranet.
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(assets).toHaveLength(5);
  for (const asset of assets) {
    const res = await fetch(new URL(asset, gateway.url));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.length).toBeGreaterThan(100);
  }
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
});

test('answers { __typename } and health checks', async () => {
  const res = await fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
});

test('a subgraph that cannot be reached is an error, not a hang', async () => {
  const res = await fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ region(code: "420115000000") { name } }' }) });
  const body = (await res.json()) as { errors?: unknown[] };
  expect(body.errors?.length).toBeGreaterThan(0);
});

test('a body that is not JSON is a 400', async () => {
  const res = await fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
  expect(res.status).toBe(400);
});
