import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubClient, HubRequestError, RegionDocument } from '@fupin/client';
import { DEFAULT_SUPERGRAPH_PATH, DEFAULT_TRUSTED_DOCUMENTS_DIR, type GatewayAuditEntry, startGateway } from '@fupin/gateway';
import { errorCode, GraphQLClient } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// Trusted documents at the gateway: clients send released documents by id; free text is
// refused (enforce, every role but ADMIN) or logged (log-unknown) before it is parsed or planned.
const C = '"420115000000"';
const FREE_TEXT = `{ region(code: ${C}) { code name } }`;
// An older client release still live beside the current one: its manifest is kept and loaded too.
const OLD = 'query OldRegion($code: ID!) { region(code: $code) { code } }';
const OLD_ID = `sha256:${createHash('sha256').update(OLD).digest('hex')}`;

let hub: Awaited<ReturnType<typeof startHub>>;
let dir: string;
/** Documents in both manifests: the current release's and the older one's. */
let documents: number;
const audited: GatewayAuditEntry[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fupin-manifests-'));
  await copyFile(join(DEFAULT_TRUSTED_DOCUMENTS_DIR, '0.1.0.json'), join(dir, '0.1.0.json'));
  await writeFile(join(dir, '0.0.9.json'), JSON.stringify({ [OLD_ID]: OLD }));
  documents = Object.keys(JSON.parse(await readFile(join(dir, '0.1.0.json'), 'utf8')) as object).length + 1;
  hub = await startHub({ mode: 'production', trustedDocuments: { mode: 'enforce', dir }, audit: (e) => audited.push(e) });
});
afterAll(() => hub?.stop());
beforeEach(() => void (audited.length = 0));

const post = async (body: unknown, headers: Record<string, string>) => {
  const res = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }) };
};
const duringSql = <T>(work: () => Promise<T>) => hub.subgraphs.households!.sql.during(work);

test('enforce: free text from a CASEWORKER is refused as OPERATION_NOT_TRUSTED before any subgraph is asked, and audited', async () => {
  const caseworker = await hub.as('CASEWORKER', '420115000000', undefined, 'cw-1');
  const { result, statements } = await duringSql(() => caseworker.request(FREE_TEXT));
  expect(errorCode(result)).toBe('OPERATION_NOT_TRUSTED');
  expect(result.status).toBe(400);
  expect(result.data ?? null).toBeNull();
  expect(statements).toEqual([]);
  expect(audited).toEqual([
    expect.objectContaining({ service: 'gateway', actor: 'cw-1', role: 'CASEWORKER', region: '420115000000', action: 'trusted-document', outcome: 'REFUSED', reason: 'OPERATION_NOT_TRUSTED', subject: `sha256:${createHash('sha256').update(FREE_TEXT).digest('hex')}` }),
  ]);
  // The record names the document by its hash, never by its text (free text may carry personal data).
  expect(JSON.stringify(audited)).not.toContain('region(code');
});

test('an unknown id is refused as PERSISTED_QUERY_NOT_FOUND, in the documentId form and in Apollo’s persistedQuery form, and audited', async () => {
  const client = await hub.as('COUNTY_OFFICER', '420115000000', undefined, 'co-1');
  const unknown = `sha256:${'0'.repeat(64)}`;
  const byId = await post({ documentId: unknown, variables: {} }, client.headers);
  expect([byId.status, byId.errors?.[0]?.extensions?.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
  const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: '1'.repeat(64) } } }, client.headers);
  expect(apq.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(audited.map((e) => [e.actor, e.subject, e.outcome, e.reason])).toEqual([
    ['co-1', unknown, 'REFUSED', 'PERSISTED_QUERY_NOT_FOUND'],
    ['co-1', `sha256:${'1'.repeat(64)}`, 'REFUSED', 'PERSISTED_QUERY_NOT_FOUND'],
  ]);
});

test('a known document is served by its id (the typed client), by Apollo’s hash, and from an older release’s manifest', async () => {
  const token = await hub.token({ subject: 'cw-2', role: 'CASEWORKER', regionCode: '420115000000' });
  const client = createHubClient({ url: hub.gatewayUrl, token });
  const { result, statements } = await duringSql(() => client.request(RegionDocument, { code: '420115000000' }));
  expect(result).toEqual({ region: null }); // served: no such region in an empty registry
  expect(statements.length).toBeGreaterThan(0);
  const headers = { authorization: `Bearer ${token}` };
  const hash = (RegionDocument as unknown as { __meta__: { hash: string } }).__meta__.hash.slice('sha256:'.length);
  const apq = await post({ variables: { code: '420115000000' }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, headers);
  expect([apq.status, apq.errors, apq.data]).toEqual([200, undefined, { region: null }]);
  const old = await post({ documentId: OLD_ID, variables: { code: '420115000000' } }, headers);
  expect([old.status, old.errors, old.data]).toEqual([200, undefined, { region: null }]);
  expect(audited).toEqual([]);
  // The typed client's refusals carry their codes.
  const refused = await createHubClient({ url: hub.gatewayUrl, token, send: 'query' })
    .request(RegionDocument, { code: '420115000000' })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(HubRequestError);
  expect((refused as HubRequestError).codes).toEqual(['OPERATION_NOT_TRUSTED']);
});

test('enforce: ADMIN may send free text (served, and logged)', async () => {
  const admin = await hub.as('ADMIN', '000000000000', undefined, 'root');
  const res = await admin.request(FREE_TEXT);
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({ region: null });
  expect(audited.map((e) => [e.actor, e.outcome, e.reason])).toEqual([['root', 'ALLOWED', 'UNTRUSTED_ADMIN']]);
});

test('each mode counts: log-unknown serves free text, logged; off serves it silently; enforce refuses it', async () => {
  const { subgraphUrls, jwksPath, gatewaySecret } = hub.gatewaySettings;
  const logged: GatewayAuditEntry[] = [];
  const token = await hub.token({ subject: 'cw-3', role: 'CASEWORKER', regionCode: '420115000000' });
  for (const mode of ['log-unknown', 'off', 'enforce'] as const) {
    const gateway = await startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls, jwksSource: jwksPath, gatewaySecret, mode: 'production', trustedDocuments: { mode, dir }, audit: (e) => logged.push(e) });
    try {
      const res = await new GraphQLClient(gateway.graphqlUrl, { authorization: `Bearer ${token}` }).request(FREE_TEXT);
      if (mode === 'enforce') expect(errorCode(res)).toBe('OPERATION_NOT_TRUSTED');
      else expect([mode, res.errors, res.data]).toEqual([mode, undefined, { region: null }]);
      expect(gateway.trustedDocuments()).toEqual({ mode, documents, servedById: 0, unknownId: 0, untrustedLogged: mode === 'log-unknown' ? 1 : 0, untrustedRefused: mode === 'enforce' ? 1 : 0 });
    } finally {
      await gateway.stop();
    }
  }
  expect(logged.map((e) => [e.actor, e.outcome, e.reason])).toEqual([
    ['cw-3', 'ALLOWED', 'UNTRUSTED_LOGGED'],
    ['cw-3', 'REFUSED', 'OPERATION_NOT_TRUSTED'],
  ]);
});

test('enforce with no manifest at all does not start (it would refuse every caller but ADMIN)', async () => {
  const { subgraphUrls, jwksPath, gatewaySecret } = hub.gatewaySettings;
  const empty = await mkdtemp(join(tmpdir(), 'fupin-no-manifests-'));
  await expect(startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls, jwksSource: jwksPath, gatewaySecret, trustedDocuments: { mode: 'enforce', dir: empty } })).rejects.toThrow(
    /trusted documents: enforce, but no manifest in .* holds a document/,
  );
});
