import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayEnv, trustedDocumentsMode } from '../src/env.js';
import { loadManifests, TrustedDocuments, type GatewayAuditEntry } from '../src/trusted-documents.js';

const TEXT = 'query A { __typename }';
const ID = `sha256:${createHash('sha256').update(TEXT).digest('hex')}`;
const caseworker = { subject: 'cw', role: 'CASEWORKER' as const, regionCode: '420115000000' };

test('the mode: FUPIN_TRUSTED_DOCUMENTS when set; else production enforces and development logs', () => {
  expect(trustedDocumentsMode(undefined, 'production')).toBe('enforce');
  expect(trustedDocumentsMode(undefined, 'development')).toBe('log-unknown');
  expect(trustedDocumentsMode('off', 'production')).toBe('off');
  const env = { FUPIN_JWKS: '/x', FUPIN_GATEWAY_SECRET: 'x'.repeat(32) };
  expect(gatewayEnv(env).trustedDocuments.mode).toBe('enforce'); // a gateway run alone is production unless told
  expect(gatewayEnv({ ...env, FUPIN_MODE: 'development' }).trustedDocuments.mode).toBe('log-unknown');
  expect(gatewayEnv({ ...env, FUPIN_TRUSTED_DOCUMENTS: 'off', FUPIN_TRUSTED_DOCUMENTS_DIR: '/m' }).trustedDocuments).toEqual({ mode: 'off', dir: '/m' });
  expect(() => gatewayEnv({ ...env, FUPIN_TRUSTED_DOCUMENTS: 'strict' })).toThrow(/FUPIN_TRUSTED_DOCUMENTS/);
});

test('every manifest of the directory is loaded; one whose id is not the hash of its text stops the start', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'manifests-'));
  await writeFile(join(dir, '1.0.0.json'), JSON.stringify({ [ID]: TEXT }));
  await writeFile(join(dir, '1.1.0.json'), JSON.stringify({ [`sha256:${createHash('sha256').update('query B { __typename }').digest('hex')}`]: 'query B { __typename }' }));
  const loaded = await loadManifests(dir);
  expect([loaded.versions, loaded.documents.size]).toEqual([['1.0.0', '1.1.0'], 2]);
  await writeFile(join(dir, '1.2.0.json'), JSON.stringify({ [ID]: 'query A { __schema { types { name } } }' }));
  await expect(loadManifests(dir)).rejects.toThrow(/1\.2\.0\.json: sha256:[0-9a-f]+ is not the sha256 of its document/);
  expect((await loadManifests(join(dir, 'missing'))).documents.size).toBe(0);
});

test('resolve: an id becomes its text (other extensions kept); Apollo’s hash with text beside it is judged as that text', () => {
  const trusted = new TrustedDocuments('enforce', new Map([[ID, TEXT]]), () => {});
  expect(JSON.parse(JSON.stringify(trusted.resolve({ documentId: ID, variables: { a: 1 }, extensions: { trace: true } })))).toEqual({ variables: { a: 1 }, extensions: { trace: true }, query: TEXT });
  const registering = trusted.resolve({ query: '{ x }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
  expect(registering).toEqual({ query: '{ x }' });
  const audit: GatewayAuditEntry[] = [];
  expect(() => new TrustedDocuments('enforce', new Map([[ID, TEXT]]), (e) => audit.push(e)).check(registering, '{ x }', caseworker, 'r1')).toThrow(/not one of the trusted documents/);
  // Free text equal to a released document's text is that document.
  expect(() => trusted.check({ query: TEXT }, TEXT, caseworker, 'r2')).not.toThrow();
  expect(audit.map((e) => [e.reason, e.requestId])).toEqual([['OPERATION_NOT_TRUSTED', 'r1']]);
});
