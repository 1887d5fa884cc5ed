import { createSigningKey, signToken, tokenVerifier } from '@fupin/kit';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SUPERGRAPH_PATH, type GatewayOptions, startGateway } from '../src/index.js';

// The caseworker's page on the gateway's origin: a built folder served at /app/, and the
// development sign-in that signs a token for the role chosen, never in production.
let dir: string;
let base: Omit<GatewayOptions, 'port'>;
const key = createSigningKey('web');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>页</title><script type="module" src="/app/assets/index-abc.js"></script>');
  await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  const jwksSource = join(await mkdtemp(join(tmpdir(), 'web-keys-')), 'jwks.json');
  await writeFile(jwksSource, JSON.stringify((await key).jwks));
  base = { supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls: { households: 'http://127.0.0.1:9/graphql' }, jwksSource, gatewaySecret: 'x'.repeat(32), webDir: dir };
});

test('the built page is served at /app/ with its assets, same-origin only, and /app redirects there', async () => {
  const gateway = await startGateway({ ...base, port: 0 });
  try {
    const page = await fetch(`${gateway.url}/app/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('/app/assets/index-abc.js');
    const script = await fetch(`${gateway.url}/app/assets/index-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${gateway.url}/app`, { redirect: 'manual' })).headers.get('location')).toBe('/app/');
    // Only the built files: nothing else under /app/ reaches the file system.
    expect((await fetch(`${gateway.url}/app/../package.json`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/app/assets/other.js`)).status).toBe(404);
    // Without devTokens there is no development sign-in, and the page is told so.
    expect(await (await fetch(`${gateway.url}/app/config.json`)).json()).toMatchObject({ devSignIn: false });
    expect((await fetch(`${gateway.url}/app/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"ADMIN","region":"000000000000"}' })).status).toBe(404);
  } finally {
    await gateway.stop();
  }
});

test('development sign-in: a token for the role, region and department chosen, that the gateway accepts', async () => {
  const signing = await key;
  const gateway = await startGateway({ ...base, port: 0, mode: 'development', devTokens: (caller) => signToken(signing, caller, '1h') });
  try {
    expect(await (await fetch(`${gateway.url}/app/config.json`)).json()).toMatchObject({ devSignIn: true });
    const ask = (body: unknown) => fetch(`${gateway.url}/app/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await ask({ role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'EMPLOYMENT', subject: 'zhou' });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const verify = await tokenVerifier(base.jwksSource);
    expect(await verify(token)).toEqual({ subject: 'zhou', role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'EMPLOYMENT' });
    // What a token could not say is refused.
    expect((await ask({ role: 'KING', region: '420115000000' })).status).toBe(400);
    expect((await ask({ role: 'CASEWORKER', region: '4201' })).status).toBe(400);
  } finally {
    await gateway.stop();
  }
});

test('development sign-in is refused in production: the gateway will not start with it', async () => {
  const signing = await key;
  await expect(startGateway({ ...base, port: 0, mode: 'production', devTokens: (caller) => signToken(signing, caller) })).rejects.toThrow(/refused in production/);
});
