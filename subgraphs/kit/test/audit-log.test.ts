import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import {
  appendAudit,
  AUDIT_MIGRATION,
  auditHash,
  auditLogPage,
  auditMutations,
  authChecker,
  BadUserInputError,
  type Caller,
  decodeCursor,
  encodeCursor,
  GENESIS,
  refuseRead,
  type SubgraphContext,
  verifyAuditChain,
} from '../src/index.js';
import { migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

// The audit log over a real PostgreSQL database: the chain, who reads which rows, and the
// rows every write, refusal and refused read leaves.
let db: TestDatabase & { orm: MikroORM };
beforeAll(async () => {
  db = await migratedTestDatabase('kit_audit', { entities: [], migrations: [AUDIT_MIGRATION] });
});
afterAll(() => db?.drop());

const jiangxia: Caller = { subject: 'cw-wang', role: 'CASEWORKER', regionCode: '420115101201' };
const huangpi: Caller = { subject: 'cw-zhao', role: 'CASEWORKER', regionCode: '420116101201' };
const auditor: Caller = { subject: 'aud-li', role: 'AUDITOR', regionCode: '420115000000' };
const em = () => db.orm.em.fork() as EntityManager;
const rows = async () => em().getConnection().execute<Record<string, unknown>[]>('select * from audit_log order by id');
const context = (caller: Caller): SubgraphContext => ({ em: em(), caller, requestId: 'req-1', loaders: {}, blindIndex: undefined as never, settings: {}, peers: undefined as never });
const info = (parent: string, field: string) => ({ parentType: { name: parent }, fieldName: field }) as unknown as GraphQLResolveInfo;

test('each row is chained to the one before; a changed, removed or inserted row breaks the chain', async () => {
  await appendAudit(em(), jiangxia, 'c1', { action: 'recordIncome', subjectId: 'h1', outcome: 'ALLOWED', reason: null });
  await appendAudit(em(), huangpi, null, { action: 'recordIncome', subjectId: 'h2', outcome: 'REFUSED', reason: 'FORBIDDEN' });
  await appendAudit(em(), jiangxia, 'c3', { action: 'revealIdNumber', subjectId: 'm1', outcome: 'ALLOWED', reason: '核对' });
  const [first, second, third] = await rows();
  expect(first).toMatchObject({ actor: 'cw-wang', role: 'CASEWORKER', region: '420115101201', action: 'recordIncome', subject_id: 'h1', outcome: 'ALLOWED', reason: null, correlation_id: 'c1', prev_hash: GENESIS });
  expect(second!.prev_hash).toBe(first!.hash);
  expect(third!.prev_hash).toBe(second!.hash);
  // The stored hash is the documented format, spelled out here rather than asked of auditHash:
  // SHA-256 of the previous hash, a newline, and the fields as a JSON array in this order.
  const spelled = (prev: string, r: Record<string, unknown>) =>
    createHash('sha256').update(`${prev}\n${JSON.stringify([new Date(r.at as string).toISOString(), r.actor, r.role, r.region, r.action, r.subject_id, r.outcome, r.reason, r.correlation_id])}`).digest('hex');
  expect(first!.hash).toBe(spelled(GENESIS, first!));
  expect(third!.hash).toBe(spelled(second!.hash as string, third!));
  expect(await verifyAuditChain(em())).toEqual({ rows: 3, brokenAt: null });

  // Every field is in the hash.
  const base = { at: new Date(0), actor: 'a', role: 'r', region: 'g', action: 'x', subjectId: 's', outcome: 'ALLOWED' as const, reason: 'why', correlationId: 'c' };
  const hashes = new Set([auditHash(GENESIS, base), auditHash('1'.repeat(64), base), ...Object.keys(base).map((k) => auditHash(GENESIS, { ...base, [k]: k === 'at' ? new Date(1) : `${(base as Record<string, unknown>)[k]}!` }))]);
  expect(hashes.size).toBe(2 + Object.keys(base).length);

  // The triggers refuse rewriting even to the owner; with them off, the chain tells.
  const conn = em().getConnection();
  await expect(conn.execute(`update audit_log set reason = 'x'`)).rejects.toThrow(/append-only/);
  await expect(conn.execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
  await expect(conn.execute(`truncate audit_log`)).rejects.toThrow(/append-only/);
  await conn.execute(`alter table audit_log disable trigger audit_log_no_update_delete`);
  try {
    await conn.execute(`update audit_log set reason = 'edited' where id = ?`, [second!.id]);
    expect(await verifyAuditChain(em())).toEqual({ rows: 1, brokenAt: String(second!.id) });
    await conn.execute(`update audit_log set reason = 'FORBIDDEN' where id = ?`, [second!.id]);
    expect(await verifyAuditChain(em())).toEqual({ rows: 3, brokenAt: null });
    await conn.execute(`update audit_log set prev_hash = ? where id = ?`, [GENESIS, third!.id]);
    expect(await verifyAuditChain(em())).toEqual({ rows: 2, brokenAt: String(third!.id) });
    await conn.execute(`update audit_log set prev_hash = ? where id = ?`, [second!.hash, third!.id]);
    await conn.execute(`delete from audit_log where id = ?`, [second!.id]);
    expect(await verifyAuditChain(em())).toEqual({ rows: 1, brokenAt: String(third!.id) });
  } finally {
    await conn.execute(`alter table audit_log enable trigger audit_log_no_update_delete`);
  }
});

test('known answers: the hash of fixed rows, worked out with sha256sum outside the code', () => {
  // printf '%s\n%s' "$(printf '0%.0s' $(seq 64))" '["1970-01-01T00:00:00.000Z","a","r","g","x","s","ALLOWED","why","c"]' | sha256sum
  const first = auditHash(GENESIS, { at: new Date(0), actor: 'a', role: 'r', region: 'g', action: 'x', subjectId: 's', outcome: 'ALLOWED', reason: 'why', correlationId: 'c' });
  expect(first).toBe('e066ecc07e0018c9eddea73352a2b1b44e49b11a388dfd76d23bd1f19672bf8a');
  // Chained on it, with a reason in Chinese (UTF-8) and no correlation id (JSON null).
  const second = auditHash(first, { at: new Date('2026-11-23T12:00:00.000Z'), actor: 'cw-wang', role: 'CASEWORKER', region: '420115101201', action: 'revealIdNumber', subjectId: 'm1', outcome: 'ALLOWED', reason: '核对', correlationId: null });
  expect(second).toBe('483f90b455e2b327cf3a85d44e9cc96e5f824f7895bce01170fbc64da631b259');
  expect(GENESIS).toBe('0'.repeat(64));
});

async function emptyLog(): Promise<void> {
  const conn = em().getConnection();
  await conn.execute(`alter table audit_log disable trigger audit_log_no_truncate`);
  await conn.execute(`truncate audit_log restart identity`);
  await conn.execute(`alter table audit_log enable trigger audit_log_no_truncate`);
}

describe('a fresh log', () => {
  beforeEach(emptyLog);

  test('a row written in a transaction that rolls back is gone with it', async () => {
    await expect(
      em().transactional(async (tx) => {
        await appendAudit(tx as EntityManager, jiangxia, null, { action: 'x', subjectId: null, outcome: 'ALLOWED', reason: null });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await rows()).toEqual([]);
  });

  test('the chain verifies across more rows than one batch of the check', async () => {
    const conn = em().getConnection();
    let prev = GENESIS;
    const at = new Date('2026-01-01T00:00:00Z');
    const values: unknown[] = [];
    for (let i = 0; i < 10_050; i++) {
      const row = { at, actor: 'a', role: 'ADMIN', region: '000000000000', action: `x${i}`, subjectId: null, outcome: 'ALLOWED' as const, reason: null, correlationId: null };
      const hash = auditHash(prev, row);
      values.push(row.action, prev, hash);
      prev = hash;
    }
    for (let i = 0; i < values.length; i += 3000) {
      const part = values.slice(i, i + 3000);
      await conn.execute(`insert into audit_log (at, actor, role, region, action, outcome, prev_hash, hash) values ${Array.from({ length: part.length / 3 }, () => `('2026-01-01T00:00:00Z', 'a', 'ADMIN', '000000000000', ?, 'ALLOWED', ?, ?)`).join(', ')}`, part);
    }
    expect(await verifyAuditChain(em())).toEqual({ rows: 10_050, brokenAt: null });
  });

  test("a reader sees the rows of callers in its jurisdiction, newest first, paged and by subject", async () => {
    for (const [caller, subject] of [[jiangxia, 'm1'], [huangpi, 'm1'], [jiangxia, 'm2'], [jiangxia, 'm1'], [{ ...jiangxia, regionCode: '000000000000', role: 'ADMIN' as const, subject: 'admin' }, 'm1']] as const) {
      await appendAudit(em(), caller, null, { action: 'a', subjectId: subject, outcome: 'ALLOWED', reason: null });
    }
    const first = await auditLogPage(em(), auditor, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n) => [n.id, n.actor, n.subjectId])).toEqual([['4', 'cw-wang', 'm1'], ['3', 'cw-wang', 'm2']]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('3') });
    const second = await auditLogPage(em(), auditor, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.id)).toEqual(['1']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('1') });
    expect((await auditLogPage(em(), auditor, { subjectId: 'm1' })).nodes.map((n) => n.id)).toEqual(['4', '1']);
    expect((await auditLogPage(em(), auditor, { subjectId: 'm1' })).totalCount).toBe(2);
    expect((await auditLogPage(em(), { ...auditor, regionCode: '000000000000' }, {})).totalCount).toBe(5);
    const empty = await auditLogPage(em(), auditor, { first: 0 });
    expect(empty).toEqual({ totalCount: 3, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
    expect((await auditLogPage(em(), auditor, {})).nodes[0]).toEqual({ id: '4', at: expect.any(Date), actor: 'cw-wang', role: 'CASEWORKER', region: '420115101201', action: 'a', subjectId: 'm1', outcome: 'ALLOWED', reason: null, correlationId: null });
    await expect(auditLogPage(em(), auditor, { after: encodeCursor('x') })).rejects.toThrow(BadUserInputError);
    await expect(auditLogPage(em(), auditor, { after: 'garbage' })).rejects.toThrow('after is not a cursor from this list');
    await expect(auditLogPage(em(), auditor, { first: 101 })).rejects.toThrow('first must be between 0 and 100');
    expect(decodeCursor(encodeCursor('3'))).toBe('3');
  });

  test('a mutation and its row commit together: ALLOWED with what it produced or what it names, REFUSED with the code', async () => {
    const ctx = context(jiangxia);
    const made = await auditMutations({ context: ctx, info: info('Mutation', 'registerHousehold'), args: { input: { villageCode: '420115101201' } }, root: {} }, async () => ({ id: 'new-household' }));
    expect(made).toEqual({ id: 'new-household' });
    await auditMutations({ context: ctx, info: info('Mutation', 'recordIncome'), args: { input: { householdId: 'h9', reason: 'r'.repeat(600) } }, root: {} }, async () => null);
    await expect(
      auditMutations({ context: ctx, info: info('Mutation', 'enrollInsurance'), args: { input: { memberId: 'm7' } }, root: {} }, async () => {
        await appendAudit(ctx.em, jiangxia, null, { action: 'inside', subjectId: null, outcome: 'ALLOWED', reason: null });
        throw new BadUserInputError('no');
      }),
    ).rejects.toThrow('no');
    await expect(auditMutations({ context: ctx, info: info('Mutation', 'boom'), args: { memberId: 'm8' }, root: {} }, async () => { throw new Error('db down'); })).rejects.toThrow('db down');
    // Reveals audit themselves; queries pass through.
    await auditMutations({ context: ctx, info: info('Mutation', 'revealIdNumber'), args: { memberId: 'm1' }, root: {} }, async () => 'x');
    await auditMutations({ context: ctx, info: info('Query', 'household'), args: { id: 'h1' }, root: {} }, async () => 'x');
    expect(ctx.em).toBeDefined();
    const written = (await rows()).map((r) => [r.action, r.subject_id, r.outcome, r.reason, r.correlation_id]);
    expect(written).toEqual([
      ['registerHousehold', 'new-household', 'ALLOWED', null, 'req-1'],
      ['recordIncome', 'h9', 'ALLOWED', 'r'.repeat(500), 'req-1'],
      // The refused write's own audit row rolled back with it.
      ['enrollInsurance', 'm7', 'REFUSED', 'BAD_USER_INPUT', 'req-1'],
      ['boom', 'm8', 'REFUSED', 'INTERNAL_SERVER_ERROR', 'req-1'],
    ]);
  });

  test('a refused read: FORBIDDEN, one row per request and target', async () => {
    const ctx = context(huangpi);
    await expect(refuseRead(ctx, 'Household', 'h1', 'household is outside your jurisdiction')).rejects.toMatchObject({ message: 'household is outside your jurisdiction', extensions: { code: 'FORBIDDEN' } });
    await expect(refuseRead(ctx, 'Household', 'h1', 'again')).rejects.toThrow('again');
    await expect(refuseRead(ctx, 'Household', 'h2', 'other')).rejects.toThrow('other');
    await expect(refuseRead(context(huangpi), 'Household', 'h1', 'next request')).rejects.toThrow('next request');
    expect((await rows()).map((r) => [r.actor, r.action, r.subject_id, r.outcome, r.reason])).toEqual([
      ['cw-zhao', 'read Household', 'h1', 'REFUSED', 'FORBIDDEN'],
      ['cw-zhao', 'read Household', 'h2', 'REFUSED', 'FORBIDDEN'],
      ['cw-zhao', 'read Household', 'h1', 'REFUSED', 'FORBIDDEN'],
    ]);
  });

  test('@Authorized: allowed roles pass; a refused field read and a refused mutation are FORBIDDEN and audited', async () => {
    const check = (caller: Caller, parent: string, field: string, rules: string[], args: Record<string, unknown> = {}) =>
      (authChecker as AuthCheckerFn<SubgraphContext>)({ context: context(caller), info: info(parent, field), args, root: {} }, rules);
    expect(await check(jiangxia, 'Household', 'incomePerCapita', ['CASEWORKER'])).toBe(true);
    expect(await check({ ...jiangxia, role: 'DEPARTMENT_OFFICER', department: 'EMPLOYMENT' }, 'Member', 'laborCapacity', ['DEPARTMENT_OFFICER:EMPLOYMENT'])).toBe(true);
    await expect(check(auditor, 'Household', 'helper', ['CASEWORKER'])).rejects.toMatchObject({ message: 'AUDITOR may not read or write Household.helper', extensions: { code: 'FORBIDDEN' } });
    await expect(check(auditor, 'Mutation', 'recordIncome', ['CASEWORKER'], { input: { householdId: 'h5' } })).rejects.toMatchObject({ message: 'AUDITOR may not read or write Mutation.recordIncome', extensions: { code: 'FORBIDDEN' } });
    expect((await rows()).map((r) => [r.actor, r.action, r.subject_id, r.outcome, r.reason])).toEqual([
      ['aud-li', 'read Household.helper', null, 'REFUSED', 'FORBIDDEN'],
      ['aud-li', 'recordIncome', 'h5', 'REFUSED', 'FORBIDDEN'],
    ]);
  });
});

describe("every subgraph's log on AuditLogs", () => {
  beforeEach(emptyLog);
  test('one field per subgraph, for AUDITOR and ADMIN, jurisdiction-filtered; the entity resolves by its key', async () => {
    const { auditLogField, auditLogModule, buildFederatedSchema } = await import('../src/index.js');
    const { execute, parse } = await import('graphql');
    expect(auditLogField('health-insurance')).toBe('healthInsurance');
    expect(auditLogField('households')).toBe('households');
    expect(auditLogField('a-b-c2')).toBe('aBC2');
    const audit = auditLogModule('health-insurance');
    const { schema, sdl } = await buildFederatedSchema({ resolvers: [audit.resolver] }, audit.references);
    expect(sdl).toMatch(/type AuditLogs @key\(fields: "id"\)/);
    expect(sdl).toMatch(/auditLogs: AuditLogs @shareable/);
    expect(sdl).toMatch(/healthInsurance\([^)]*first: Int[^)]*after: String[^)]*subjectId: ID\s*\): AuditEntryConnection/);
    await appendAudit(em(), jiangxia, null, { action: 'enrollInsurance', subjectId: 'm1', outcome: 'ALLOWED', reason: null });
    await appendAudit(em(), huangpi, null, { action: 'enrollInsurance', subjectId: 'm2', outcome: 'ALLOWED', reason: null });
    const run = (caller: Caller, query: string) => execute({ schema, document: parse(query), contextValue: context(caller) });
    const read = await run(auditor, '{ auditLogs { id healthInsurance(first: 5) { totalCount nodes { actor subjectId } } } }');
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ auditLogs: { id: 'hub', healthInsurance: { totalCount: 1, nodes: [{ actor: 'cw-wang', subjectId: 'm1' }] } } });
    const bySubject = await run({ ...auditor, role: 'ADMIN', regionCode: '000000000000' }, '{ auditLogs { healthInsurance(subjectId: "m2") { nodes { actor } } } }');
    expect(bySubject.data).toEqual({ auditLogs: { healthInsurance: { nodes: [{ actor: 'cw-zhao' }] } } });
    const refused = await run(jiangxia, '{ auditLogs { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toEqual({ auditLogs: null });
    const entity = await run(auditor, '{ _entities(representations: [{ __typename: "AuditLogs", id: "hub" }]) { ... on AuditLogs { healthInsurance(first: 1) { totalCount } } } }');
    expect(entity.errors).toBeUndefined();
    // The caseworker's refused read is in the county's log by now.
    expect(entity.data).toEqual({ _entities: [{ healthInsurance: { totalCount: 2 } }] });
  });

  test('bulk tools append to the same chain through a plain pg client, in their transaction', async () => {
    const { appendAuditWithClient } = await import('../src/index.js');
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await appendAudit(em(), jiangxia, null, { action: 'before', subjectId: null, outcome: 'ALLOWED', reason: null });
      await client.query('begin');
      await appendAuditWithClient(client, jiangxia, 'imp-1', { action: 'import enrollments', subjectId: null, outcome: 'ALLOWED', reason: 'file.csv: 3 rows' });
      await client.query('rollback');
      await client.query('begin');
      await appendAuditWithClient(client, jiangxia, 'imp-2', { action: 'import enrollments', subjectId: null, outcome: 'ALLOWED', reason: 'file.csv: 3 rows' });
      await client.query('commit');
    } finally {
      await client.end();
    }
    expect((await rows()).map((r) => [r.action, r.correlation_id, r.reason])).toEqual([['before', null, null], ['import enrollments', 'imp-2', 'file.csv: 3 rows']]);
    expect(await verifyAuditChain(em())).toEqual({ rows: 2, brokenAt: null });
  });
});
