import { CALLER_HEADER, verifyCaller } from '@fupin/kit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { DEADLINE_HEADER, SIGN_AS_HEADER, subgraphFetcher, Unavailable } from '../src/subgraph-client.js';

// The gateway's HTTP client on its own, against fake subgraphs on node:http: what it sends,
// when it gives up, and which failures it sends once more (a read on a kept-alive socket the
// subgraph had dropped) and which never (a write, an answer already under way).
const SECRET = 's'.repeat(32);
const READ = '{"query":"{ __typename }"}';
const WRITE = '{"query":"mutation { registerRegion(input: { code: \\"1\\", name: \\"新村\\" }) { code } }"}';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}
type Behave = (seen: Seen, res: ServerResponse, n: number) => void;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

/** A fake subgraph: each request, read in full, goes to `behave` with its number (1, 2, ...); over TLS with `tls`. */
async function fake(behave: Behave, tls?: { key: Buffer; cert: Buffer }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const listener: RequestListener = (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s = { method: req.method!, headers: req.headers, body, socket: req.socket };
      seen.push(s);
      behave(s, res, seen.length);
    });
  };
  const server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen };
}

const json = (res: ServerResponse, body: unknown = { data: { ok: true } }, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const client = (options: { timeoutMs?: number; maxResponseBytes?: number } = {}) => subgraphFetcher({ service: 'households', secret: SECRET, timeoutMs: 5000, maxResponseBytes: 1_000_000, ...options }) as unknown as (url: string, init: { method?: string; headers: Record<string, string>; body?: string }) => Promise<Response>;
const failure = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err as Error & { code?: string; reason?: string });

test('sends the body with its byte length, signs the caller for this call, and keeps the carrier headers to itself', async () => {
  const subgraph = await fake((_s, res) => json(res));
  const caller = { subject: 'c1', role: 'CASEWORKER', regionCode: '420115000000' };
  const res = await client()(subgraph.url, { headers: { 'content-type': 'application/json', [SIGN_AS_HEADER]: JSON.stringify(caller), [DEADLINE_HEADER]: String(Date.now() + 5000) }, body: WRITE });
  expect(await res.json()).toEqual({ data: { ok: true } });
  const [seen] = subgraph.seen;
  expect(seen!.method).toBe('POST'); // no method given: POST
  expect(seen!.body).toBe(WRITE);
  expect(seen!.headers['content-length']).toBe(String(Buffer.byteLength(WRITE))); // 新村: more bytes than characters
  expect(seen!.headers[SIGN_AS_HEADER]).toBeUndefined();
  expect(seen!.headers[DEADLINE_HEADER]).toBeUndefined();
  expect(verifyCaller(seen!.headers, SECRET, { method: 'POST', path: '/graphql', service: 'households' })).toEqual({ caller: expect.objectContaining(caller), bodyHash: expect.any(String) });
  // Unsigned: no caller header at all; a method given is the one sent.
  await client()(subgraph.url, { method: 'GET', headers: {} });
  expect(subgraph.seen[1]).toMatchObject({ method: 'GET', body: '' });
  expect(subgraph.seen[1]!.headers[CALLER_HEADER]).toBeUndefined();
});

test('an answer keeps its status and every header, repeated ones included', async () => {
  const subgraph = await fake((_s, res) => {
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.setHeader('x-one', 'yes');
    json(res, { errors: [{ message: 'no' }] }, 599);
  });
  const res = await client()(subgraph.url, { headers: {}, body: READ });
  expect(res.status).toBe(599); // 200–599 is an answer
  expect(res.headers.get('x-one')).toBe('yes');
  expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  expect(await res.json()).toEqual({ errors: [{ message: 'no' }] });
});

test('an answer of exactly the size limit is taken; one byte more is BAD_RESPONSE', async () => {
  const subgraph = await fake((s, res) => res.writeHead(200).end('x'.repeat(Number(JSON.parse(s.body).size))));
  const ask = (size: number) => client({ maxResponseBytes: 100 })(subgraph.url, { headers: {}, body: JSON.stringify({ query: '{ __typename }', size }) });
  expect(await (await ask(100)).text()).toBe('x'.repeat(100));
  const err = await failure(ask(101));
  expect(err).toBeInstanceOf(Unavailable);
  expect(err).toMatchObject({ reason: 'BAD_RESPONSE', message: 'an answer over 100 bytes' });
});

test('every status from 200 to 599 with a body is an answer; 204, 304 and a status past 599 are BAD_RESPONSE', async () => {
  const subgraph = await fake((s, res) => {
    const status = Number(JSON.parse(s.body).status);
    if (status === 204 || status === 304) res.writeHead(status).end();
    else json(res, { data: { status } }, status);
  });
  const ask = (status: number) => client()(subgraph.url, { headers: {}, body: JSON.stringify({ query: '{ __typename }', status }) });
  for (const status of [200, 201, 299, 400, 500, 503, 599]) {
    const res = await ask(status);
    expect([res.status, await res.json()]).toEqual([status, { data: { status } }]);
  }
  for (const status of [204, 304, 600, 999]) {
    const err = await failure(ask(status));
    expect(err).toBeInstanceOf(Unavailable);
    expect(err).toMatchObject({ reason: 'BAD_RESPONSE', message: `answered ${status}` });
  }
});

test('a subgraph that never answers fails at the call timeout, or sooner at the request deadline', async () => {
  const subgraph = await fake(() => {}); // reads the request, answers nothing
  let started = Date.now();
  const timedOut = await failure(client({ timeoutMs: 300 })(subgraph.url, { headers: { [DEADLINE_HEADER]: String(Date.now() + 60_000) }, body: READ }));
  expect(timedOut).toMatchObject({ name: 'TimeoutError' });
  expect(timedOut!.message).toBe('no answer within 300 ms'); // the call's timeout, not the request's deadline
  expect(Date.now() - started).toBeLessThan(10_000); // the deadline (60 s) would be far later
  started = Date.now();
  const cut = await failure(client({ timeoutMs: 60_000 })(subgraph.url, { headers: { [DEADLINE_HEADER]: String(Date.now() + 300) }, body: READ }));
  expect(cut).toMatchObject({ name: 'TimeoutError' });
  expect(Number(/^no answer within (\d+) ms$/.exec(cut!.message)![1])).toBeLessThanOrEqual(300); // what was left of the request, not the call's 60 s
  expect(Date.now() - started).toBeLessThan(10_000);
  // A deadline already past: no wait at all (the timer never runs negative).
  const past = await failure(client({ timeoutMs: 60_000 })(subgraph.url, { headers: { [DEADLINE_HEADER]: String(Date.now() - 1000) }, body: READ }));
  expect(past).toMatchObject({ name: 'TimeoutError', message: 'no answer within 0 ms' });
}, 40_000);

describe('a kept-alive socket reset by the subgraph', () => {
  /** A subgraph answering the first request, then resetting `resets` requests (each on the socket it came on), then answering again. */
  const resetting = (resets: number) => fake((s, res, n) => (n > 1 && n <= 1 + resets ? s.socket.destroy() : json(res)));

  test('a read that never reached it goes once more, on a new socket', async () => {
    const subgraph = await resetting(1);
    const send = client();
    await send(subgraph.url, { headers: {}, body: READ }); // opens the kept-alive socket
    const res = await send(subgraph.url, { headers: {}, body: READ });
    expect(res.status).toBe(200);
    expect(subgraph.seen).toHaveLength(3);
    expect(subgraph.seen[1]!.socket === subgraph.seen[0]!.socket).toBe(true); // the reset came on the reused socket
    expect(subgraph.seen[2]!.socket === subgraph.seen[1]!.socket).toBe(false);
  });

  test('a batch of reads is a read: sent once more too', async () => {
    const subgraph = await resetting(1);
    const send = client();
    await send(subgraph.url, { headers: {}, body: `[${READ}]` });
    expect((await send(subgraph.url, { headers: {}, body: `[${READ},${READ}]` })).status).toBe(200);
    expect(subgraph.seen).toHaveLength(3);
  });

  test('only once: reset again on the next socket, the read fails', async () => {
    // Two kept-alive sockets, both dropped by the subgraph: the second try lands on the other one.
    const subgraph = await fake((s, res, n) => (n > 2 ? s.socket.destroy() : setTimeout(() => json(res), 50)));
    const send = client();
    await Promise.all([send(subgraph.url, { headers: {}, body: READ }), send(subgraph.url, { headers: {}, body: READ })]);
    expect(subgraph.seen[1]!.socket === subgraph.seen[0]!.socket).toBe(false);
    const err = await failure(send(subgraph.url, { headers: {}, body: READ }));
    expect(err).toMatchObject({ code: 'ECONNRESET' });
    expect(subgraph.seen).toHaveLength(4);
  });

  test('a write goes on a socket of its own and is never sent again', async () => {
    const subgraph = await fake((s, res, n) => (n === 2 ? s.socket.destroy() : json(res)));
    const send = client();
    await send(subgraph.url, { headers: {}, body: WRITE });
    const err = await failure(send(subgraph.url, { headers: {}, body: WRITE }));
    expect(err).toMatchObject({ code: 'ECONNRESET' });
    expect(subgraph.seen).toHaveLength(2);
    expect(subgraph.seen[1]!.socket === subgraph.seen[0]!.socket).toBe(false); // no kept-alive socket for writes
  });

  test('a read whose answer had begun is not sent again: the answer was cut off', async () => {
    const subgraph = await fake((s, res, n) => {
      if (n === 1) return json(res);
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"data":', () => setTimeout(() => s.socket.destroy(), 20));
    });
    const send = client();
    await send(subgraph.url, { headers: {}, body: READ });
    const err = await failure(send(subgraph.url, { headers: {}, body: READ }));
    expect(err).toMatchObject({ code: 'ECONNRESET' });
    expect(subgraph.seen).toHaveLength(2);
  });
});

describe('over TLS', () => {
  // A certificate of this test's own for 127.0.0.1, trusted by this process only.
  let tls: { key: Buffer; cert: Buffer };
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    setDefaultCACertificates([...getCACertificates('default'), tls.cert.toString()]);
  });

  test('reads keep their socket and a reset one goes once more; writes each get a socket of their own', async () => {
    const subgraph = await fake((s, res, n) => (n === 3 || n === 6 ? s.socket.destroy() : json(res)), tls);
    const send = client();
    await send(subgraph.url, { headers: {}, body: READ });
    expect((await send(subgraph.url, { headers: {}, body: READ })).status).toBe(200);
    expect(subgraph.seen[1]!.socket === subgraph.seen[0]!.socket).toBe(true);
    expect((await send(subgraph.url, { headers: {}, body: READ })).status).toBe(200); // reset (3), sent again (4)
    expect(subgraph.seen[3]!.socket === subgraph.seen[2]!.socket).toBe(false);
    await send(subgraph.url, { headers: {}, body: WRITE });
    expect(await failure(send(subgraph.url, { headers: {}, body: WRITE }))).toMatchObject({ code: 'ECONNRESET' }); // reset (6), never again
    expect(subgraph.seen).toHaveLength(6);
    expect(subgraph.seen[5]!.socket === subgraph.seen[4]!.socket).toBe(false);
  });
});
