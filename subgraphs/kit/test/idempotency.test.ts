import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { answerSealer, type Caller, IDEMPOTENCY_HEADER, idempotencyOf, isIdempotencyKey, purgeIdempotencyKeys, replayRefusal } from '../src/index.js';
import { type GraphQLResponse, signedFor, startTestSubgraph, type TestSubgraph } from '../src/testing/index.js';
import { gate, toySubgraph } from './support/toy-subgraph.js';

// Idempotency keys over a real subgraph, real HTTP and PostgreSQL: a write sent again with its
// key is answered from what was kept (judged again for who asks), never written twice.
let toy: TestSubgraph;
let owner: pg.Pool;
const secret = 'idempotency-test-gateway-secret-0123456789';
beforeAll(async () => {
  toy = await startTestSubgraph(toySubgraph, secret);
  owner = new pg.Pool({ connectionString: toy.ownerUrl, max: 2 });
});
afterAll(async () => {
  await owner?.end();
  await toy?.stop();
});

const PLANT = `mutation($input: PlantInput!) { plantPlot(input: $input) { id name } }`;
const caseworker: Caller = { subject: 'cw-1', role: 'CASEWORKER', regionCode: '420115000000' };
let n = 0;
const newKey = () => `key-${++n}-${Date.now()}`;
const plant = (caller: Caller, key: string | null, name = 'east field', villageCode = '420115101201') =>
  toy.as(caller).request<{ plantPlot: { id: string; name: string } }>(PLANT, { input: { villageCode, name } }, key === null ? {} : { [IDEMPOTENCY_HEADER]: key });
const plots = async () => Number((await owner.query('select count(*) from plot')).rows[0].count);
const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions;
const audited = async (since: number) =>
  (await owner.query<{ actor: string; action: string; subject_id: string | null; outcome: string; reason: string | null }>('select actor, action, subject_id, outcome, reason from audit_log where id > $1 order by id', [since])).rows.map(
    (r) => `${r.actor} ${r.action} ${r.subject_id} ${r.outcome} ${r.reason}`,
  );
const lastAudit = async () => Number((await owner.query('select coalesce(max(id), 0) as id from audit_log')).rows[0].id);

async function sendRaw(caller: Caller, key: string, body: string) {
  const res = await fetch(toy.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: key, ...signedFor(caller, secret, toy.graphqlUrl, 'toy')(body) }, body });
  return { status: res.status, replay: res.headers.get('idempotent-replay'), body: (await res.json()) as GraphQLResponse };
}

test('sent again with its key, a write is answered as the first time, marked as a replay, written once and audited as a replay', async () => {
  const key = newKey();
  const before = await plots();
  const first = await plant(caseworker, key);
  expect(first.errors).toBeUndefined();
  const mark = await lastAudit();
  const body = JSON.stringify({ query: PLANT, variables: { input: { villageCode: '420115101201', name: 'east field' } } });
  const again = await sendRaw(caseworker, key, body);
  expect(again).toEqual({ status: 200, replay: 'true', body: { data: first.data } });
  expect(await plots()).toBe(before + 1);
  expect(await audited(mark)).toEqual([`cw-1 plantPlot ${first.data!.plantPlot.id} ALLOWED IDEMPOTENT_REPLAY`]);
  // Without a key every send writes.
  await plant(caseworker, null);
  await plant(caseworker, null);
  expect(await plots()).toBe(before + 3);
});

test('the kept answer is sealed: no name in the table, and only the subgraph\'s own key opens it', async () => {
  const key = newKey();
  const first = await plant(caseworker, key, '张三的地');
  const { rows } = await owner.query<{ response: string; field: string; role: string; region: string; department: string | null; subject_id: string; regions: string[] }>('select response, field, role, region, department, subject_id, regions from idempotency_key where key = $1', [key]);
  expect(rows[0]!.response).not.toContain('张三');
  expect(JSON.parse(answerSealer(secret).decrypt(rows[0]!.response))).toEqual({ data: first.data });
  expect(() => answerSealer('another secret of another subgraph').decrypt(rows[0]!.response)).toThrow();
  expect({ ...rows[0], response: undefined }).toEqual({ response: undefined, field: 'plantPlot', role: 'CASEWORKER', region: '420115000000', department: null, subject_id: first.data!.plantPlot.id, regions: ['420115101201'] });
});

test('the same key with another request is refused and audited; another caller\'s key of the same text is their own', async () => {
  const key = newKey();
  await plant(caseworker, key, 'a');
  const mark = await lastAudit();
  const before = await plots();
  const reused = await plant(caseworker, key, 'b');
  expect(reused.status).toBe(200);
  expect(reused.data).toBeUndefined();
  expect(reused.errors![0]!.message).toBe('this Idempotency-Key was used for another request');
  expect(code(reused)).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', retryable: false });
  expect(await plots()).toBe(before);
  expect((await audited(mark))[0]).toMatch(/^cw-1 plantPlot \S+ REFUSED IDEMPOTENCY_KEY_REUSED$/);
  const other = await plant({ ...caseworker, subject: 'cw-2' }, key, 'b');
  expect(other.errors).toBeUndefined();
  expect(await plots()).toBe(before + 1);
});

test('a replay is judged again: a role that may not write it, or a region outside the write, gets FORBIDDEN (audited); a wider jurisdiction still gets it', async () => {
  const key = newKey();
  const first = await plant(caseworker, key);
  const mark = await lastAudit();
  const auditor = await plant({ ...caseworker, role: 'AUDITOR' }, key);
  expect(auditor.errors![0]!.message).toBe('AUDITOR may not have the answer of plantPlot');
  expect(code(auditor)).toEqual({ code: 'FORBIDDEN', retryable: false });
  const moved = await plant({ ...caseworker, regionCode: '420116000000' }, key);
  expect(moved.errors![0]!.message).toBe('the write of this Idempotency-Key is outside your jurisdiction');
  expect(code(moved)).toEqual({ code: 'FORBIDDEN', retryable: false });
  expect(await audited(mark)).toEqual([`cw-1 plantPlot ${first.data!.plantPlot.id} REFUSED FORBIDDEN`, `cw-1 plantPlot ${first.data!.plantPlot.id} REFUSED FORBIDDEN`]);
  // Promoted to the province: the village is still in the jurisdiction.
  expect((await plant({ ...caseworker, role: 'COUNTY_OFFICER', regionCode: '420000000000' }, key)).data).toEqual(first.data);
});

test('a write judged in no region is judged again over the first caller\'s region', async () => {
  const key = newKey();
  const admin: Caller = { subject: 'admin-1', role: 'ADMIN', regionCode: '420115000000' };
  const COUNT = 'mutation { countPlots }';
  const first = await toy.as(admin).request<{ countPlots: number }>(COUNT, undefined, { [IDEMPOTENCY_HEADER]: key });
  expect(first.errors).toBeUndefined();
  const { rows } = await owner.query('select regions, region from idempotency_key where key = $1', [key]);
  expect(rows[0]).toEqual({ regions: [], region: '420115000000' });
  expect((await toy.as(admin).request(COUNT, undefined, { [IDEMPOTENCY_HEADER]: key })).data).toEqual(first.data);
  expect(code(await toy.as({ ...admin, regionCode: '420116000000' }).request(COUNT, undefined, { [IDEMPOTENCY_HEADER]: key }))).toEqual({ code: 'FORBIDDEN', retryable: false });
});

test('a key whose answer was never kept is in progress for 30 s, then applied; neither writes again', async () => {
  const key = newKey();
  await plant(caseworker, key);
  // As if the service stopped between the write and keeping its answer.
  await owner.query('update idempotency_key set response = null where key = $1', [key]);
  const before = await plots();
  const mark = await lastAudit();
  const busy = await plant(caseworker, key);
  expect(busy.errors![0]!.message).toBe('a request with this Idempotency-Key is being processed; ask again');
  expect(code(busy)).toEqual({ code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true });
  await owner.query(`update idempotency_key set created_at = now() - interval '31 seconds' where key = $1`, [key]);
  const applied = await plant(caseworker, key);
  expect(applied.errors![0]!.message).toBe('the request with this Idempotency-Key was applied; its answer was not kept');
  expect(code(applied)).toEqual({ code: 'IDEMPOTENT_REQUEST_APPLIED', retryable: false });
  expect(await plots()).toBe(before);
  expect((await audited(mark)).map((l) => l.split(' ').slice(-2).join(' '))).toEqual(['REFUSED IDEMPOTENT_REQUEST_IN_PROGRESS', 'REFUSED IDEMPOTENT_REQUEST_APPLIED']);
});

test('two sends racing: the second waits on the first\'s key and is refused as in progress, written once', async () => {
  const key = newKey();
  const before = await plots();
  let release!: () => void;
  gate.held = new Promise<void>((r) => (release = r));
  const entered = gate.entered;
  try {
    const first = plant(caseworker, key);
    while (gate.entered === entered) await new Promise((r) => setTimeout(r, 20));
    const second = plant(caseworker, key);
    // The second's claim waits on the first's uncommitted key.
    for (let waited = 0; ; waited += 50) {
      const { rows } = await owner.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into idempotency_key%'`);
      if (rows[0].n > 0) break;
      if (waited > 20_000) throw new Error('the second send never waited on the key');
      await new Promise((r) => setTimeout(r, 50));
    }
    release();
    expect((await first).errors).toBeUndefined();
    expect(code(await second)).toEqual({ code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true });
  } finally {
    gate.held = null;
    release?.();
  }
  expect(await plots()).toBe(before + 1);
});

test('a key past its keeping time is taken anew; upkeep purges such keys, and only those', async () => {
  const old = newKey();
  const fresh = newKey();
  await plant(caseworker, old);
  await plant(caseworker, fresh);
  await owner.query(`update idempotency_key set created_at = now() - interval '25 hours' where key = $1`, [old]);
  const before = await plots();
  expect((await plant(caseworker, old)).errors).toBeUndefined();
  expect(await plots()).toBe(before + 1);
  await owner.query(`update idempotency_key set created_at = now() - interval '2 hours' where key = $1`, [old]);
  const em = toy.orm.em.fork() as EntityManager;
  expect(await purgeIdempotencyKeys(em, 3 * 3_600_000)).toBe(0);
  expect(await purgeIdempotencyKeys(em, 3_600_000)).toBe(1);
  expect((await owner.query('select key from idempotency_key where key = any($1)', [[old, fresh]])).rows).toEqual([{ key: fresh }]);
});

test('a query sent with a key is only a query; a key must be 1 to 128 printable characters', async () => {
  const key = newKey();
  await plant(caseworker, key);
  expect(await toy.as(caseworker).request('{ plotCount }', undefined, { [IDEMPOTENCY_HEADER]: key })).toEqual({ status: 200, data: { plotCount: await plots() } });
  const bad = await plant(caseworker, 'has space');
  expect(bad.status).toBe(400);
  expect(bad.errors![0]!.message).toBe('Idempotency-Key must have 1 to 128 printable characters');
  expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(isIdempotencyKey('!'.repeat(1))).toBe(true);
  expect(isIdempotencyKey('~'.repeat(128))).toBe(true);
  for (const k of ['', 'x'.repeat(129), 'a b', 'a\x7f', 'ü', 'a\nb']) expect(isIdempotencyKey(k)).toBe(false);
  const sealer = answerSealer('s');
  expect(idempotencyOf({}, sealer)).toBeUndefined();
  expect(idempotencyOf({ [IDEMPOTENCY_HEADER]: ['first', 'second'] }, sealer)).toEqual({ key: 'first', keepMs: 24 * 3_600_000, sealer });
  expect(idempotencyOf({ [IDEMPOTENCY_HEADER]: 'k' }, sealer, 5)?.keepMs).toBe(5);
});

test('replayRefusal: nothing known of the write, or no region it was judged in, refuses', () => {
  expect(replayRefusal(caseworker, { field: null, region: '420115000000', regions: [] })).toBe('CASEWORKER may not have the answer of this write');
  expect(replayRefusal(caseworker, { field: 'noSuchMutation', region: '420115000000', regions: [] })).toBe('CASEWORKER may not have the answer of noSuchMutation');
  expect(replayRefusal(caseworker, { field: 'plantPlot', region: null, regions: [] })).toBe('the write of this Idempotency-Key is outside your jurisdiction');
  expect(replayRefusal(caseworker, { field: 'plantPlot', region: null, regions: '["420115101201"]' })).toBeNull();
  expect(replayRefusal(caseworker, { field: 'plantPlot', region: null, regions: ['420115101201', '420116101201'] })).toBe('the write of this Idempotency-Key is outside your jurisdiction');
});

test('a write asked through a fragment is audited as a mutation when replayed', async () => {
  const key = newKey();
  const FRAGMENTED = `mutation($input: PlantInput!) { ...P } fragment P on Mutation { plantPlot(input: $input) { id } }`;
  const variables = { input: { villageCode: '420115101201', name: 'fragment field' } };
  const first = await toy.as(caseworker).request(FRAGMENTED, variables, { [IDEMPOTENCY_HEADER]: key });
  expect(first.errors).toBeUndefined();
  const mark = await lastAudit();
  expect((await toy.as(caseworker).request(FRAGMENTED, variables, { [IDEMPOTENCY_HEADER]: key })).data).toEqual(first.data);
  expect(await audited(mark)).toEqual([`cw-1 mutation ${(first.data as { plantPlot: { id: string } }).plantPlot.id} ALLOWED IDEMPOTENT_REPLAY`]);
});
