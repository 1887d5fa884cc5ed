import { CALLER_HEADER, SIGNATURE_HEADER, signCaller } from '@fupin/kit';
import { errorCode } from '@fupin/kit/testing';
import { createHmac } from 'node:crypto';
import { startHub } from './support/hub.js';

// Attack: skip the gateway and call a subgraph directly, with no credentials, forged ones
// or expired ones. Every such request is refused before any resolver runs, _entities too.
let hub: Awaited<ReturnType<typeof startHub>>;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const admin = { subject: 'mallory', role: 'ADMIN' as const, regionCode: '000000000000' };
const direct = async (query: string, headers: Record<string, string> = {}) => {
  const res = await fetch(hub.subgraphs.households!.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
};

const QUERIES = ['{ region(code: "420115000000") { name } }', '{ _entities(representations: [{ __typename: "Household", id: "00000000-0000-4000-8000-000000000000" }]) { __typename } }', '{ _service { sdl } }'];

test('the same calls signed with the gateway\'s secret are served: the refusals below are the checks they name', async () => {
  for (const query of QUERIES) expect((await direct(query, signCaller(admin, hub.gatewaySecret))).status).toBe(200);
});

// Each case is made with the real secret where it can be, so it reaches the check it names.
test.each<[string, () => Record<string, string>]>([
  ['no credentials', () => ({})],
  ['a signature made with another secret', () => signCaller(admin, 'not-the-gateway-secret-not-the-gateway')],
  ['expired credentials, validly signed', () => signCaller(admin, hub.gatewaySecret, -10)],
  ['a caller swapped under a valid signature', () => {
    const real = signCaller({ ...admin, role: 'CASEWORKER', regionCode: '420115101201' }, hub.gatewaySecret);
    const wanted = signCaller(admin, hub.gatewaySecret);
    return { [CALLER_HEADER]: wanted[CALLER_HEADER]!, [SIGNATURE_HEADER]: real[SIGNATURE_HEADER]! };
  }],
  ['validly signed claims that are not a caller', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'mallory', role: 'ROOT', region: '000000000000', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: createHmac('sha256', hub.gatewaySecret).update(payload).digest('base64url') };
  }],
])('a direct subgraph call with %s is refused, _entities included', async (_what, headers) => {
  for (const query of QUERIES) {
    const { status, body } = await direct(query, headers());
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
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
