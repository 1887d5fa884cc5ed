import { CALLER_HEADER, createSigningKey, readSubgraphList, signToken, type SigningKey } from '@fupin/kit';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SUPERGRAPH_PATH, startGateway, type RunningGateway } from '../src/index.js';
import { BATCH_HEADER } from '../src/batching.js';
import { subgraphFetcher } from '../src/subgraph-client.js';

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

test('a caller’s token is checked once, then kept; a JWKS served over HTTP is fetched once for every token', async () => {
  let jwksFetches = 0;
  const jwks = createServer((_req, res) => {
    jwksFetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(key.jwks));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const own = await startGateway({
    port: 0,
    supergraphPath: DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: { households: 'http://127.0.0.1:9/graphql' },
    jwksSource: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    gatewaySecret: 'x'.repeat(32),
  });
  try {
    const ask = async (token: string) =>
      (await fetch(own.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ __typename }"}' })).json();
    const first = await signToken(key, admin);
    for (let i = 0; i < 5; i++) expect(await ask(first)).toEqual({ data: { __typename: 'Query' } });
    expect(own.tokenSignatureChecks()).toBe(1);
    const second = await signToken(key, { ...admin, subject: 'b' });
    for (let i = 0; i < 3; i++) expect(await ask(second)).toEqual({ data: { __typename: 'Query' } });
    expect(own.tokenSignatureChecks()).toBe(2);
    expect(jwksFetches).toBe(1);
  } finally {
    await own.stop();
    jwks.closeAllConnections();
    await new Promise((resolve) => jwks.close(resolve));
  }
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

// Fake subgraphs on node:http for the plans below: each request's body goes to `answer`, which
// writes what it likes on the response (or on its socket).
const fakes: Server[] = [];
afterAll(() => Promise.all(fakes.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

async function rawSubgraph(answer: (body: string, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => answer(text, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fakes.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A fake subgraph answering JSON: what `answer` makes of the body, after `afterMs`. */
const fakeSubgraph = (answer: (body: any) => { status?: number; body: unknown; afterMs?: number }) =>
  rawSubgraph((text, res) => {
    const { status = 200, body, afterMs = 0 } = answer(JSON.parse(text));
    setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), afterMs).unref();
  });

/** A query as an admin through a gateway of its own over `subgraphUrls`, stopped after. */
type Answer = { data?: unknown; errors?: { path?: unknown[]; extensions: Record<string, unknown> }[] };
type Settings = { subgraphTimeoutMs?: number; requestTimeoutMs?: number; subgraphMaxResponseBytes?: number; readRetries?: number };

/** A gateway of its own over `subgraphUrls`, asked by an admin; stopped after `use`. */
async function throughGateway<T>(subgraphUrls: Record<string, string>, settings: Settings, use: (ask: (query: string, as?: typeof admin) => Promise<{ body: Answer; ms: number }>) => Promise<T>): Promise<T> {
  const jwksSource = join(await mkdtemp(join(tmpdir(), 'gw-')), 'jwks.json');
  await writeFile(jwksSource, JSON.stringify(key.jwks));
  const planned = await startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls, jwksSource, gatewaySecret: 'x'.repeat(32), ...settings });
  try {
    return await use(async (query, as = admin) => {
      const started = Date.now();
      const res = await fetch(planned.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(key, as)}` },
        body: JSON.stringify({ query }),
      });
      return { body: (await res.json()) as Answer, ms: Date.now() - started };
    });
  } finally {
    await planned.stop();
  }
}

/** One query as an admin through a gateway of its own over `subgraphUrls`. */
const askThrough = (subgraphUrls: Record<string, string>, query: string, settings: Settings = {}) => throughGateway(subgraphUrls, settings, (ask) => ask(query));

describe('the request deadline', () => {
  // A plan of two fetches in a row: the registry's household (after 500 ms), then health's
  // fields on it (after `healthMs`), each well inside its own subgraph deadline (20 s). Bounds
  // are three times what is expected: the suite runs on two busy cores.
  const ask = async (requestTimeoutMs: number, healthMs: number) =>
    askThrough(
      {
        households: await fakeSubgraph(() => ({ body: { data: { household: { __typename: 'Household', id: 'h1' } } }, afterMs: 500 })),
        'health-insurance': await fakeSubgraph(() => ({ body: { data: { _entities: [{ __typename: 'Household', medical: null }] } }, afterMs: healthMs })),
      },
      '{ household(id: "h1") { id medical(year: 2020) { year } } }',
      { subgraphTimeoutMs: 20_000, requestTimeoutMs },
    );

  test('a second fetch gets only what is left of the request: cut at the request deadline, not its own', async () => {
    // Health would answer after 30 s, cut by its own deadline at 20 s; the request's (2 s) cuts it first.
    const { body, ms } = await ask(2000, 30_000);
    expect(body.data).toEqual({ household: { id: 'h1', medical: null } });
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'DEPARTMENT_UNAVAILABLE', department: 'health-insurance', reason: 'TIMEOUT' }) })]);
    expect(ms).toBeLessThan(3 * 2000);
  }, 40_000);

  test('with time left, both fetches answer', async () => {
    const { body, ms } = await ask(8000, 1500);
    expect(body).toEqual({ data: { household: { id: 'h1', medical: null } } });
    expect(ms).toBeGreaterThanOrEqual(2000);
  }, 40_000);
});

describe('reads of one plan to one subgraph', () => {
  // The household's medical costs and its members' insurance: two fetches to health in
  // parallel, after the registry's. They go as one POST of both operations; a subgraph that
  // refuses batches (400) is asked each on its own, and the answer is the same.
  const entity = (op: { variables: { representations: { __typename: string }[] } }) =>
    op.variables.representations[0]!.__typename === 'Household' ? { data: { _entities: [{ __typename: 'Household', medical: { year: 2020 } }] } } : { data: { _entities: [{ __typename: 'Member', insurance: { scheme: 'RESIDENT_BASIC' } }] } };

  /** The plan through a gateway whose health fake answers a batch with `onBatch` (each alone with its entity). */
  async function ask(onBatch: (ops: any[]) => { status?: number; body: unknown }, settings: Settings = {}) {
    const seen: unknown[] = [];
    const health = await fakeSubgraph((body) => {
      seen.push(body);
      return Array.isArray(body) ? onBatch(body) : { body: entity(body) };
    });
    const households = await fakeSubgraph(() => ({ body: { data: { household: { __typename: 'Household', id: 'h1', members: [{ __typename: 'Member', id: 'm1' }] } } } }));
    const { body } = await askThrough({ households, 'health-insurance': health }, '{ household(id: "h1") { medical(year: 2020) { year } members { insurance(year: 2020) { scheme } } } }', settings);
    return { body, seen: seen.map((s) => (Array.isArray(s) ? `batch of ${s.length}` : 'one')) };
  }
  const takes = (ops: any[]) => ({ body: ops.map(entity) });
  const refuses = (status: number) => () => ({ status, body: { errors: [{ message: 'no batches' }] } });

  const expected = { data: { household: { medical: { year: 2020 }, members: [{ insurance: { scheme: 'RESIDENT_BASIC' } }] } } };

  test('go as one call of both operations', async () => {
    const { body, seen } = await ask(takes);
    expect(body).toEqual(expected);
    expect(seen).toEqual(['batch of 2']);
  });

  test.each<[string, (ops: any[]) => { status?: number; body: unknown }]>([
    ['refuses batches (400)', refuses(400)],
    ['finds the batch too large (413)', refuses(413)],
    ['answers a batch with as many answers as it likes (one for two)', (ops) => ({ body: ops.slice(1).map(entity) })],
    ['answers a batch with something that is no list', () => ({ body: { data: null } })],
  ])('to a subgraph that %s, go one by one with the same answer', async (_what, onBatch) => {
    const { body, seen } = await ask(onBatch);
    expect(body).toEqual(expected);
    expect(seen).toEqual(['batch of 2', 'one', 'one']);
  });

  test('a batch that fails whole (503) gives each of its reads that failure, sent once', async () => {
    const { body, seen } = await ask(refuses(503), { readRetries: 0 });
    expect(body.data).toEqual({ household: { medical: null, members: [{ insurance: null }] } });
    expect(body.errors?.map((e) => [e.extensions.code, e.extensions.department]).sort()).toEqual([
      ['DEPARTMENT_UNAVAILABLE', 'health-insurance'],
      ['DEPARTMENT_UNAVAILABLE', 'health-insurance'],
    ]);
    expect(seen).toEqual(['batch of 2']);
  });

  test('at most 20 reads go in one call', async () => {
    const seen: number[] = [];
    const subgraph = await fakeSubgraph((body) => (seen.push(Array.isArray(body) ? body.length : 1), { body: Array.isArray(body) ? body.map((_op, i) => ({ data: { i } })) : { data: {} } }));
    const send = subgraphFetcher({ service: 'households', secret: 'x'.repeat(32), timeoutMs: 5000, maxResponseBytes: 1_000_000 });
    const reads = Array.from({ length: 45 }, () => send(subgraph, { method: 'POST', headers: { 'content-type': 'application/json', [BATCH_HEADER]: 'one request' }, body: '{"query":"{ __typename }"}' }));
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(45).fill(200));
    expect(seen).toEqual([20, 20, 5]);
  });

  test('reads of two callers asking at once never share a call', async () => {
    const callers = { h1: { ...admin, subject: 'one', regionCode: '420115000000' }, h2: { ...admin, subject: 'two', regionCode: '420116000000' } };
    const batches: { subject: string; households: string[] }[] = [];
    const health = await rawSubgraph((text, res) => {
      const ops = ([] as any[]).concat(JSON.parse(text));
      const subject = JSON.parse(Buffer.from(String(res.req.headers[CALLER_HEADER]), 'base64url').toString()).sub;
      batches.push({ subject, households: ops.map((op) => op.variables.representations[0].householdId ?? op.variables.representations[0].id) });
      const answers = ops.map(entity);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(JSON.parse(text)) ? answers : answers[0]));
    });
    // The registry holds both requests until both have come, then answers them together.
    const waiting: (() => void)[] = [];
    const households = await rawSubgraph((text, res) => {
      const id = /\b(h[12])\b/.exec(text)![1]!;
      waiting.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { household: { __typename: 'Household', id, members: [{ __typename: 'Member', id: `${id}m` }] } } })));
      if (waiting.length === 2) for (const answer of waiting) answer();
    });
    await throughGateway({ households, 'health-insurance': health }, {}, async (ask) => {
      const view = (id: string) => `{ household(id: "${id}") { medical(year: 2020) { year } members { insurance(year: 2020) { scheme } } } }`;
      const answers = await Promise.all([ask(view('h1'), callers.h1), ask(view('h2'), callers.h2)]);
      for (const { body } of answers) expect(body.errors).toBeUndefined();
    });
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) {
      const owner = batch.subject === 'one' ? 'h1' : 'h2';
      expect(batch.households.every((h) => h.startsWith(owner))).toBe(true);
    }
    expect(new Set(batches.map((b) => b.subject))).toEqual(new Set(['one', 'two']));
  });
});

describe('a subgraph whose answer is no answer', () => {
  const REGION = '{ region(code: "420115000000") { name } }';
  const good = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { region: { name: '江夏区' } } }));

  test.each<[string, (res: ServerResponse) => void, string]>([
    ['204', (res) => res.writeHead(204).end(), 'BAD_RESPONSE'],
    ['304', (res) => res.writeHead(304).end(), 'BAD_RESPONSE'],
    ['a status past 599', (res) => res.writeHead(600, { 'content-type': 'application/json' }).end('{"data":{"region":null}}'), 'BAD_RESPONSE'],
    ['an answer over the size limit', (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { region: { name: 'x'.repeat(5000) } } })), 'BAD_RESPONSE'],
    ['a body cut off half-way', (res) => (res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }), res.write('{"data":'), setTimeout(() => res.socket!.destroy(), 20)), 'UNREACHABLE'],
    ['a connection reset once the request is read', (res) => res.socket!.destroy(), 'UNREACHABLE'],
  ])('%s: DEPARTMENT_UNAVAILABLE for its fields, and the gateway serves the next request', async (_what, misbehave, reason) => {
    let misbehaving = true; // the first request and its retries
    const households = await rawSubgraph((_body, res) => (misbehaving ? misbehave(res) : good(res)));
    await throughGateway({ households }, { subgraphMaxResponseBytes: 4000 }, async (ask) => {
      const { body } = await ask(REGION);
      expect(body.data).toEqual({ region: null });
      expect(body.errors).toEqual([expect.objectContaining({ path: ['region'], extensions: expect.objectContaining({ code: 'DEPARTMENT_UNAVAILABLE', department: 'households', reason }) })]);
      misbehaving = false;
      expect((await ask(REGION)).body).toEqual({ data: { region: { name: '江夏区' } } });
    });
  });

  test('a write whose connection is reset after it was sent is not sent again; a read is', async () => {
    const seen: string[] = [];
    let reset = false;
    const households = await rawSubgraph((body, res) => {
      seen.push(JSON.parse(body).query.startsWith('mutation') ? 'write' : 'read');
      if (reset) res.socket!.destroy();
      else good(res);
    });
    await throughGateway({ households }, {}, async (ask) => {
      await ask(REGION); // a kept-alive connection to the subgraph is open from here on
      reset = true;
      const write = await ask('mutation { registerRegion(input: { code: "420115101299", name: "新村" }) { code } }');
      expect(write.body.data ?? null).toBeNull(); // registerRegion is non-null: its null reaches data
      expect(write.body.errors![0]!.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', reason: 'UNREACHABLE' });
      expect(seen).toEqual(['read', 'write']);
      await ask(REGION);
      // A read reset on the kept-alive connection goes once more on a new one, then SUBGRAPH_READ_RETRIES (2) more.
      expect(seen).toEqual(['read', 'write', 'read', 'read', 'read', 'read']);
    });
  });
});
