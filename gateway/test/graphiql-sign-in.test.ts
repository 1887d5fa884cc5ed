import { createSigningKey, readCaller, signToken, type SigningKey, tokenVerifier } from '@fupin/kit';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SUPERGRAPH_PATH, startGateway, type RunningGateway } from '../src/index.js';

// GraphiQL in development: a sign-in that fills the token (the hub signs it), the contract's
// operations as tabs; without a signer (production, or tokens from an identity provider) neither.
let dev: RunningGateway;
let plain: RunningGateway;
let key: SigningKey;
let jwksSource: string;

const start = (graphiql?: Parameters<typeof startGateway>[0]['graphiql']) =>
  startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls: { households: 'http://127.0.0.1:9/graphql' }, jwksSource, gatewaySecret: 'x'.repeat(32), ...(graphiql ? { graphiql } : {}) });
const signInAt = (gw: RunningGateway, claims: unknown) => fetch(new URL('/graphiql/sign-in', gw.graphqlUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
const script = async (gw: RunningGateway) => (await fetch(new URL('/graphiql/start.js', gw.graphqlUrl))).text();

beforeAll(async () => {
  key = await createSigningKey('t');
  jwksSource = join(await mkdtemp(join(tmpdir(), 'gw-')), 'jwks.json');
  await writeFile(jwksSource, JSON.stringify(key.jwks));
  dev = await start({
    roles: ['ADMIN', 'COUNTY_OFFICER', 'DEPARTMENT_OFFICER'],
    departments: ['HEALTH_INSURANCE', 'WATER_SAFETY'],
    tabs: ['query Region($code: ID!) { region(code: $code) { code name } }'],
    signIn: async ({ role, region, department }) => {
      const caller = readCaller({ sub: 'graphiql', role, region, department });
      if (typeof caller === 'string') throw new Error(caller);
      return signToken(key, caller, '1h');
    },
  });
  plain = await start();
});
afterAll(async () => {
  await dev?.stop();
  await plain?.stop();
});

test('the sign-in answers a token the gateway accepts, for the claims asked', async () => {
  const res = await signInAt(dev, { role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'HEALTH_INSURANCE' });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const verified = await (await tokenVerifier(jwksSource))(token);
  expect(verified).toEqual(expect.objectContaining({ role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'HEALTH_INSURANCE' }));
});

test('claims the hub would refuse are refused with the reason', async () => {
  const res = await signInAt(dev, { role: 'CASEWORKER', region: 'nowhere' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/region is not a region code/);
});

test('the page offers the sign-in, the departments and the contract operations as tabs', async () => {
  const js = await script(dev);
  expect(js).toContain('/graphiql/sign-in');
  expect(js).toContain('"WATER_SAFETY"');
  expect(js).toContain('query Region($code: ID!)');
  expect(js).toContain("authorization: 'Bearer ' + token");
});

test('without a signer there is no sign-in: the route is not there and the page asks for a pasted token', async () => {
  expect((await signInAt(plain, { role: 'ADMIN', region: '000000000000' })).status).toBe(404);
  const js = await script(plain);
  expect(js).not.toContain('/graphiql/sign-in');
  expect(js).toContain('Bearer <token>');
});
