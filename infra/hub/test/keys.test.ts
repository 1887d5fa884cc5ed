import { BlindIndex, makeIdNumber, PersonalDataCipher, SUBGRAPH_MAIN } from '@fupin/kit';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inheritedEnv } from '../src/hub.js';
import { hubKeys } from '../src/keys.js';
import { hubSettings, REPO_ROOT } from '../src/settings.js';

// A department finds members by ID number with the blind-index key and is never given the
// key that decrypts them: what the hub hands out, and what a department accepts.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fupin-keys-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('the blind-index key finds what the registry indexed with the personal-data key, and decrypts nothing', async () => {
  const keys = await hubKeys(hubSettings({ FUPIN_DATA_DIR: dir }));
  const registry = new PersonalDataCipher(keys.piiKey);
  const department = new BlindIndex(keys.blindIndexKey);
  const id = makeIdNumber('420115', '1975-03-09', 123);
  // Indexes stored before the split stay valid: the same HKDF derivation.
  expect(department.blindIndex(id)).toBe(registry.seal(id).idNumberIndex);
  expect(keys.blindIndexKey).not.toBe(keys.piiKey);
  expect('decrypt' in department).toBe(false);
  expect(() => new PersonalDataCipher(keys.blindIndexKey).decrypt(registry.encrypt(id))).toThrow();
});

test('a department started with the personal-data key refuses to start (exit 78), naming it', () => {
  const run = spawnSync(process.execPath, [SUBGRAPH_MAIN, 'health-insurance'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, FUPIN_PII_KEY: PersonalDataCipher.newKey() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(78);
  expect(run.stderr).toContain('- FUPIN_PII_KEY: a department is never given the personal-data key: set FUPIN_BLIND_INDEX_KEY');
  expect(run.stderr).toContain('- FUPIN_BLIND_INDEX_KEY:');
});

test('a subgraph process inherits none of the hub’s secrets or its admin URL from the hub’s environment', () => {
  const hub = {
    PATH: '/usr/bin',
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://postgres:admin@db/postgres',
    FUPIN_PII_KEY: 'k',
    FUPIN_BLIND_INDEX_KEY: 'b',
    FUPIN_DATABASE_SECRET: 's',
    FUPIN_GATEWAY_SECRET: 'g',
    FUPIN_ROLE_SECRET: 'r',
    FUPIN_JWKS: 'j',
    ROSTER_SOURCE_URL: 'postgres://x@db/r',
    PGPASSWORD: 'p',
  };
  expect(inheritedEnv(hub)).toEqual({ PATH: '/usr/bin', NODE_ENV: 'production' });
});
