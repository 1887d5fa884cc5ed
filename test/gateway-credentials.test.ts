import { CALLER_HEADER, type Caller, SIGNATURE_HEADER, signCaller } from '@fupin/kit';
import { errorCode } from '@fupin/kit/testing';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { startHub } from './support/hub.js';

// Attack: skip the gateway and call a subgraph directly, with no credentials, forged ones,
// expired ones, or real ones captured from another call. Every such request is refused before
// any resolver runs, _entities too, and before its body is read.
let hub: Awaited<ReturnType<typeof startHub>>;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const admin = { subject: 'mallory', role: 'ADMIN' as const, regionCode: '000000000000' };
/** Headers for a body: what the gateway would send to the registry for it. */
type Sign = (body: string) => Record<string, string>;
const forRegistry = (caller: Caller, secret = hub.gatewaySecret, ttl = 60): Sign => (body) => signCaller(caller, secret, { method: 'POST', path: '/graphql', service: 'households', body }, ttl);

const direct = async (query: string, sign: Sign = () => ({})) => {
  const body = JSON.stringify({ query });
  const res = await fetch(hub.subgraphs.households!.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(body) }, body });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
};

const QUERIES = ['{ region(code: "420115000000") { name } }', '{ _entities(representations: [{ __typename: "Household", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }', '{ _service { sdl } }'];
const OTHER = JSON.stringify({ query: '{ __typename }' });

test('the same calls signed with the gateway\'s secret are served: the refusals below are the checks they name', async () => {
  for (const query of QUERIES) expect((await direct(query, forRegistry(admin))).status).toBe(200);
});

// Each case is made with the real secret where it can be, so it reaches the check it names.
test.each<[string, () => Sign]>([
  ['no credentials', () => () => ({})],
  ['a signature made with another secret', () => forRegistry(admin, 'not-the-gateway-secret-not-the-gateway')],
  ['expired credentials, validly signed', () => forRegistry(admin, hub.gatewaySecret, -10)],
  ['a caller swapped under a valid signature', () => (body) => {
    const real = forRegistry({ ...admin, role: 'CASEWORKER', regionCode: '420115101201' })(body);
    const wanted = forRegistry(admin)(body);
    return { [CALLER_HEADER]: wanted[CALLER_HEADER]!, [SIGNATURE_HEADER]: real[SIGNATURE_HEADER]! };
  }],
  ['validly signed claims that are not a caller', () => () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'mallory', role: 'ROOT', region: '000000000000', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: createHmac('sha256', hub.gatewaySecret).update(payload).digest('base64url') };
  }],
  // Real credentials, captured from one call and replayed on another.
  ['real credentials for another body', () => () => forRegistry(admin)(OTHER)],
  ['real credentials for another service', () => (body) => signCaller(admin, hub.gatewaySecret, { method: 'POST', path: '/graphql', service: 'health-insurance', body })],
  ['real credentials for another path', () => (body) => signCaller(admin, hub.gatewaySecret, { method: 'POST', path: '/internal/coverage', service: 'households', body })],
  ['real credentials for another method', () => (body) => signCaller(admin, hub.gatewaySecret, { method: 'GET', path: '/graphql', service: 'households', body })],
])('a direct subgraph call with %s is refused, _entities included', async (_what, sign) => {
  for (const query of QUERIES) {
    const { status, body } = await direct(query, sign());
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
});

test('a subgraph refuses a call it cannot verify before it reads the body: headers alone get the 401', async () => {
  const url = new URL(hub.subgraphs.households!.graphqlUrl);
  const status = await new Promise<number>((resolve, reject) => {
    // A body announced and never sent: a subgraph that read bodies first would wait for it.
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100000' } }, (res) => {
      resolve(res.statusCode!);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
    setTimeout(() => reject(new Error('no answer to the headers: the subgraph waited for the body')), 5000).unref();
  });
  expect(status).toBe(401);
});

test('the gateway refuses a request without a token before calling any subgraph', async () => {
  const sql = hub.subgraphs.households!.sql;
  const { statements, result } = await sql.during(() => hub.anonymous.request('{ region(code: "420115000000") { name } }'));
  expect(errorCode(result)).toBe('UNAUTHENTICATED');
  expect(result.status).toBe(401);
  expect(statements).toEqual([]);
});


test('the gateway is ready when every subgraph and its database are', async () => {
  const res = await fetch(new URL('/health/ready', hub.gatewayUrl));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ready', subgraphs: Object.fromEntries(Object.keys(hub.subgraphs).map((name) => [name, 'ready'])) });
});
