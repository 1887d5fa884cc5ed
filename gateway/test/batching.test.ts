import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BATCH_HEADER, batchKeyOf, isReadBody } from '../src/batching.js';
import { subgraphFetcher } from '../src/subgraph-client.js';

// Which subgraph calls go together, checked at fake subgraphs on node:http: the reads of one
// client request to one subgraph in one turn, nothing else; and what each read gets back when
// the batch is refused, fails whole, or is answered wrong.
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

type Seen = { body: unknown; headers: Record<string, unknown> };
/** A fake subgraph: `answer` gets each call's parsed body and writes the response. */
async function fake(answer: (body: any, res: ServerResponse) => void = (body, res) => json(res, Array.isArray(body) ? body.map(echo) : echo(body))): Promise<{ url: string; seen: Seen[]; calls: () => string[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(text);
      seen.push({ body, headers: req.headers });
      answer(body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const calls = () => seen.map((s) => (Array.isArray(s.body) ? `batch ${s.body.map((op: { query: string }) => op.query).join(' + ')}` : `alone ${(s.body as { query: string }).query}`));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen, calls };
}
const json = (res: ServerResponse, body: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json', 'x-from': 'fake' }).end(JSON.stringify(body));
/** Each operation's answer names it: a read given another's answer is seen. */
const echo = (op: { query: string }) => ({ data: { echo: op.query } });

const send = subgraphFetcher({ service: 'households', secret: 'x'.repeat(32), timeoutMs: 5000, maxResponseBytes: 1_000_000 }) as unknown as (url: string, init: { method?: string; headers: Record<string, string>; body?: string }) => Promise<Response>;
const read = (url: string, query: string, request: string | null = 'r1') => send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(request ? { [BATCH_HEADER]: request } : {}) }, body: JSON.stringify({ query }) });
const answers = (responses: Response[]) => Promise.all(responses.map(async (r) => [r.status, await r.text()]));

test('a read is a query the data source built, and names no mutation or subscription', () => {
  for (const body of ['{"query":"{ a }"}', '{"query":"query Q { a }"}', '{"query":"query{ a }"}', '{"query":"{ mutationCount subscriptions }"}']) expect([body, isReadBody(body)]).toEqual([body, true]);
  for (const body of ['{"query":"mutation { a }"}', '{"query":"subscription { a }"}', '{"query":"queryish { a }"}', '{"query":"{ a }","variables":{"x":"mutation"}}', ' {"query":"{ a }"}', '{"x":1,"query":"{ a }"}', '[{"query":"{ a }"}]', '']) {
    expect([body, isReadBody(body)]).toEqual([body, false]);
  }
});

test('a batch key is one per client request, never shared', () => {
  const one = {};
  expect(batchKeyOf(one)).toBe(batchKeyOf(one));
  expect(batchKeyOf({})).not.toBe(batchKeyOf(one));
});

test('reads of one request to one subgraph in one turn go as one call, each given its own answer; the batch header stays in', async () => {
  const subgraph = await fake();
  const got = await answers(await Promise.all([read(subgraph.url, '{ a }'), read(subgraph.url, '{ b }'), read(subgraph.url, '{ c }')]));
  expect(got).toEqual([200, 200, 200].map((s, i) => [s, JSON.stringify(echo({ query: ['{ a }', '{ b }', '{ c }'][i]! }))]));
  expect(subgraph.calls()).toEqual(['batch { a } + { b } + { c }']);
  expect(subgraph.seen[0]!.headers[BATCH_HEADER]).toBeUndefined();
  // A read alone goes as itself, not as a batch of one.
  expect(await (await read(subgraph.url, '{ d }')).json()).toEqual(echo({ query: '{ d }' }));
  expect(subgraph.calls()[1]).toBe('alone { d }');
  expect(subgraph.seen[1]!.headers[BATCH_HEADER]).toBeUndefined();
});

test('never together: other requests, other subgraphs, other turns, writes, and calls with no request', async () => {
  const [one, two] = [await fake(), await fake()];
  await Promise.all([read(one.url, '{ a }', 'r1'), read(one.url, '{ b }', 'r2'), read(two.url, '{ c }', 'r1'), read(one.url, '{ d }', null), read(one.url, '{ e }', null)]);
  await Promise.all([read(one.url, 'mutation { f }'), read(one.url, 'mutation { g }')]);
  const first = read(one.url, '{ h }');
  await new Promise((r) => setTimeout(r, 50)); // the first read's turn is over
  await Promise.all([first, read(one.url, '{ i }')]);
  expect(one.calls().sort()).toEqual(['alone mutation { f }', 'alone mutation { g }', 'alone { a }', 'alone { b }', 'alone { d }', 'alone { e }', 'alone { h }', 'alone { i }']);
  expect(two.calls()).toEqual(['alone { c }']);
});

describe('a batch not answered as one', () => {
  const both = (url: string) => Promise.all([read(url, '{ a }'), read(url, '{ b }')]);
  const each = [
    [200, JSON.stringify(echo({ query: '{ a }' }))],
    [200, JSON.stringify(echo({ query: '{ b }' }))],
  ];

  test.each<[string, (res: ServerResponse, ops: unknown[]) => void]>([
    ['refused (400)', (res) => json(res, { errors: [{ message: 'no batches' }] }, 400)],
    ['too large (413)', (res) => json(res, { errors: [{ message: 'too large' }] }, 413)],
    ['answered with one answer too few', (res, ops) => json(res, ops.slice(1).map(() => echo({ query: '{ b }' })))],
    ['answered with one answer too many', (res, ops) => json(res, [...ops, ops[0]].map(() => echo({ query: '{ a }' })))],
    ['answered with no list', (res) => json(res, { data: null })],
  ])('%s: each read is sent on its own', async (_what, onBatch) => {
    const subgraph = await fake((body, res) => (Array.isArray(body) ? onBatch(res, body) : json(res, echo(body))));
    expect(await answers(await both(subgraph.url))).toEqual(each);
    expect(subgraph.calls()).toEqual(['batch { a } + { b }', 'alone { a }', 'alone { b }']);
  });

  test('failed whole (503): each read has that answer, with its headers, and nothing is sent again', async () => {
    const subgraph = await fake((_body, res) => json(res, { errors: [{ message: 'down' }] }, 503));
    const responses = await both(subgraph.url);
    expect(await answers(responses)).toEqual([
      [503, '{"errors":[{"message":"down"}]}'],
      [503, '{"errors":[{"message":"down"}]}'],
    ]);
    expect(responses.map((r) => r.headers.get('x-from'))).toEqual(['fake', 'fake']);
    expect(subgraph.calls()).toEqual(['batch { a } + { b }']);
  });

  test('a 200 that is no JSON fails each read, sent once', async () => {
    const subgraph = await fake((_body, res) => res.writeHead(200).end('<html>'));
    const outcomes = await Promise.all([read(subgraph.url, '{ a }'), read(subgraph.url, '{ b }')].map((p) => p.then(() => 'answered', (e: Error) => `failed: ${e.name}`)));
    expect(outcomes).toEqual(['failed: SyntaxError', 'failed: SyntaxError']);
    expect(subgraph.calls()).toEqual(['batch { a } + { b }']);
  });

  test('a connection reset fails each read of the batch', async () => {
    const subgraph = await fake((_body, res) => res.socket!.destroy());
    const outcomes = await Promise.all([read(subgraph.url, '{ a }'), read(subgraph.url, '{ b }')].map((p) => p.then(() => 'answered', (e: Error & { code?: string }) => e.code)));
    expect(outcomes).toEqual(['ECONNRESET', 'ECONNRESET']);
    expect(subgraph.calls()).toEqual(['batch { a } + { b }']);
  });

  test('answers of the batch keep the subgraph headers', async () => {
    const subgraph = await fake();
    const responses = await both(subgraph.url);
    expect(responses.map((r) => [r.status, r.headers.get('x-from')])).toEqual([
      [200, 'fake'],
      [200, 'fake'],
    ]);
  });
});
