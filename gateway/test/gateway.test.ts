import { createSigningKey, readSubgraphList, signToken, type SigningKey } from '@fupin/kit';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SUPERGRAPH_PATH, startGateway, type RunningGateway } from '../src/index.js';

// No subgraph runs here: the gateway must serve its own pages without them, and without
// anything from the internet.
let gateway: RunningGateway;
let key: SigningKey;
const admin = { subject: 'a', role: 'ADMIN' as const, regionCode: '000000000000' };

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  key = await createSigningKey('t');
  const jwksSource = join(await mkdtemp(join(tmpdir(), 'gw-')), 'jwks.json');
  await writeFile(jwksSource, JSON.stringify(key.jwks));
  gateway = await startGateway({
    port: 0,
    supergraphPath: DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: { households: 'http://127.0.0.1:9/graphql' },
    subgraphTimeoutMs: 2000,
    jwksSource,
    gatewaySecret: 'x'.repeat(32),
  });
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

test('answers { __typename } to a signed token, and health checks to anyone', async () => {
  const res = await post({ query: '{ __typename }' }, { authorization: `Bearer ${await signToken(key, admin)}` });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  // No subgraph runs here: live, but not ready.
  const ready = await fetch(`${gateway.url}/health/ready`);
  expect(ready.status).toBe(503);
  const everyOne = Object.fromEntries(readSubgraphList().map((s) => [s.name, 'unavailable']));
  expect(everyOne).toHaveProperty('households');
  expect(await ready.json()).toEqual({ status: 'not ready', subgraphs: everyOne });
});

test.each<[string, () => Promise<Record<string, string>>]>([
  ['no token', async () => ({})],
  ['a malformed token', async () => ({ authorization: 'Bearer not.a.jwt' })],
  ['an expired token', async () => ({ authorization: `Bearer ${await signToken(key, admin, Math.floor(Date.now() / 1000) - 60)}` })],
  ['a token signed by another key', async () => ({ authorization: `Bearer ${await signToken(await createSigningKey('other'), admin)}` })],
  ['a token with an unknown role', async () => ({ authorization: `Bearer ${await signToken(key, { ...admin, role: 'ROOT' as never })}` })],
])('refuses %s with UNAUTHENTICATED', async (_what, headers) => {
  const res = await post({ query: '{ __typename }' }, await headers());
  expect(res.status).toBe(401);
  const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
});

test('a subgraph that cannot be reached is an error, not a hang', async () => {
  const res = await post({ query: '{ region(code: "420115000000") { name } }' }, { authorization: `Bearer ${await signToken(key, admin)}` });
  const body = (await res.json()) as { errors?: unknown[] };
  expect(body.errors?.length).toBeGreaterThan(0);
});

test('the gateway sends no telemetry out (no usage metrics, no cloud metadata probes)', () => {
  expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  expect(process.env.APOLLO_KEY).toBeUndefined();
});

test('a body that is not JSON is a 400', async () => {
  const res = await fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
  expect(res.status).toBe(400);
});

// Fake subgraphs on node:http for the plans below: each answers what `answer` makes of the body.
const fakes: Server[] = [];
afterAll(() => Promise.all(fakes.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

async function fakeSubgraph(answer: (body: any) => { status?: number; body: unknown; afterMs?: number }): Promise<string> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const { status = 200, body, afterMs = 0 } = answer(JSON.parse(text));
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), afterMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fakes.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A query as an admin through a gateway of its own over `subgraphUrls`, stopped after. */
async function askThrough(subgraphUrls: Record<string, string>, query: string, settings: { subgraphTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const jwksSource = join(await mkdtemp(join(tmpdir(), 'gw-')), 'jwks.json');
  await writeFile(jwksSource, JSON.stringify(key.jwks));
  const planned = await startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls, jwksSource, gatewaySecret: 'x'.repeat(32), ...settings });
  try {
    const started = Date.now();
    const res = await fetch(planned.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(key, admin)}` },
      body: JSON.stringify({ query }),
    });
    return { body: (await res.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] }, ms: Date.now() - started };
  } finally {
    await planned.stop();
  }
}

describe('the request deadline', () => {
  // A plan of two fetches in a row: the registry's household, then health's fields on it. Each
  // answers after 1500 ms, inside the subgraph deadline (2000 ms); the request's (2200 ms)
  // leaves the second about 700 ms. (Wide margins: the suite runs on two busy cores.)
  const ask = async (requestTimeoutMs: number) =>
    askThrough(
      {
        households: await fakeSubgraph(() => ({ body: { data: { household: { __typename: 'Household', id: 'h1' } } }, afterMs: 1500 })),
        'health-insurance': await fakeSubgraph(() => ({ body: { data: { _entities: [{ __typename: 'Household', medical: null }] } }, afterMs: 1500 })),
      },
      '{ household(id: "h1") { id medical(year: 2020) { year } } }',
      { subgraphTimeoutMs: 2000, requestTimeoutMs },
    );

  test('a second fetch gets only what is left of the request: cut at the request deadline, not its own', async () => {
    const { body, ms } = await ask(2200);
    expect(body.data).toEqual({ household: { id: 'h1', medical: null } });
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'DEPARTMENT_UNAVAILABLE', department: 'health-insurance', reason: 'TIMEOUT' }) })]);
    expect(ms).toBeLessThan(2900); // both fetches in full would take 3000
  }, 20_000);

  test('with time left, both fetches answer', async () => {
    const { body, ms } = await ask(8000);
    expect(body).toEqual({ data: { household: { id: 'h1', medical: null } } });
    expect(ms).toBeGreaterThanOrEqual(3000);
  }, 20_000);
});

describe('reads of one plan to one subgraph', () => {
  // The household's medical costs and its members' insurance: two fetches to health in
  // parallel, after the registry's. They go as one POST of both operations; a subgraph that
  // refuses batches (400) is asked each on its own, and the answer is the same.
  const entity = (op: { variables: { representations: { __typename: string }[] } }) =>
    op.variables.representations[0]!.__typename === 'Household' ? { data: { _entities: [{ __typename: 'Household', medical: { year: 2020 } }] } } : { data: { _entities: [{ __typename: 'Member', insurance: { scheme: 'RESIDENT_BASIC' } }] } };

  async function ask(acceptsBatches: boolean) {
    const seen: unknown[] = [];
    const health = await fakeSubgraph((body) => {
      seen.push(body);
      if (!Array.isArray(body)) return { body: entity(body) };
      return acceptsBatches ? { body: body.map(entity) } : { status: 400, body: { errors: [{ message: 'no batches' }] } };
    });
    const households = await fakeSubgraph(() => ({ body: { data: { household: { __typename: 'Household', id: 'h1', members: [{ __typename: 'Member', id: 'm1' }] } } } }));
    const { body } = await askThrough({ households, 'health-insurance': health }, '{ household(id: "h1") { medical(year: 2020) { year } members { insurance(year: 2020) { scheme } } } }');
    return { body, seen };
  }

  const expected = { data: { household: { medical: { year: 2020 }, members: [{ insurance: { scheme: 'RESIDENT_BASIC' } }] } } };

  test('go as one call of both operations', async () => {
    const { body, seen } = await ask(true);
    expect(body).toEqual(expected);
    expect(seen).toHaveLength(1);
    expect(Array.isArray(seen[0]) && seen[0].length).toBe(2);
  });

  test('to a subgraph that refuses batches, go one by one with the same answer', async () => {
    const { body, seen } = await ask(false);
    expect(body).toEqual(expected);
    expect(seen.map((s) => (Array.isArray(s) ? 'batch' : 'one'))).toEqual(['batch', 'one', 'one']);
  });
});
