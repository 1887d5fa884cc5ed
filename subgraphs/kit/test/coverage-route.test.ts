import { Migration } from '@mikro-orm/migrations';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AUDIT_MIGRATION,
  Batch,
  type Caller,
  COVERAGE_BATCH_LIMIT,
  COVERAGE_PATH,
  COVERAGE_SOURCES,
  type CoverageOf,
  coverageRoute,
  createHttpHandler,
  DEPARTMENTS,
  GapKind,
  latestTimestamp,
  listen,
  type ReplicaState,
  readSubgraphList,
  type RunningHttp,
  signCaller,
} from '../src/index.js';
import { migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

// A department's coverage route over real HTTP and PostgreSQL: who may ask, for what, and what
// is left out (and audited) when the caller may not see it.
class Migration20261205000001_holdings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table holding (household_id uuid primary key, village_code text not null, members integer not null, changed_at timestamptz)`);
  }
}

const SECRET = 'coverage-route-test-secret';
const SERVICE = 'toy-department';
const county: Caller = { subject: 'caseworker-1', role: 'CASEWORKER', regionCode: '420115000000' };
const own = randomUUID();
const second = randomUUID();
const neighbours = randomUUID();
const unknown = randomUUID();

let db: TestDatabase & { orm: MikroORM };
let signed: RunningHttp;
let unsigned: RunningHttp;
let replica: ReplicaState = 'CURRENT';
const asked: { ids: string[]; year: number; settings: Record<string, unknown> }[] = [];

// The department's part: what it holds of each household asked, with its village.
const askedEvidence: (boolean | undefined)[] = [];
const coverage: CoverageOf = async (ctx, householdIds, year, options) => {
  asked.push({ ids: householdIds, year, settings: ctx.settings });
  askedEvidence.push(options?.evidence);
  const rows = await ctx.em.getConnection().execute<{ household_id: string; village_code: string; members: number; changed_at: string | null }[]>(
    "select household_id, village_code, members, changed_at from holding where household_id::text = any(string_to_array(?, ','))",
    [householdIds.join(',')],
  );
  // In the order asked, once per time asked.
  return householdIds.flatMap((id) => rows.filter((r) => r.household_id === id)).map((r) => ({ householdId: r.household_id, villageCode: r.village_code, members: r.members, batches: [Batch.EDUCATION], gaps: [], asOf: latestTimestamp(r.changed_at) }));
};

beforeAll(async () => {
  db = await migratedTestDatabase('kit_coverage_route', { entities: [], migrations: [AUDIT_MIGRATION, { name: 'Migration20261205000001_holdings', class: Migration20261205000001_holdings }] });
  await db.orm.em.getConnection().execute(`insert into holding values (?, '420115101201', 3, '2020-06-01T08:00:00Z'), (?, '420115102201', 2, null), (?, '420116101201', 4, null)`, [own, second, neighbours]);
  const route = coverageRoute(coverage, () => db.orm.em.fork() as EntityManager, { FUPIN_TOY: 'x' }, () => replica);
  // Only the coverage route is served: no GraphQL request reaches Apollo here.
  const handler = (signedCallers?: { secret: string; service: string }) =>
    createHttpHandler({ apollo: undefined as never, context: () => Promise.reject(new Error('no GraphQL here')), ...(signedCallers ? { signedCallers } : {}), posts: { [COVERAGE_PATH]: route } });
  signed = await listen(handler({ secret: SECRET, service: SERVICE }), 0);
  unsigned = await listen(handler(), 0);
});
afterAll(async () => {
  await signed?.close();
  await unsigned?.close();
  await db?.drop();
});

async function ask(caller: Caller | null, body: unknown, server = () => signed, headers: Record<string, string> = {}): Promise<{ status: number; body: { parts?: Record<string, unknown>[]; error?: string; code?: string } }> {
  const text = JSON.stringify(body);
  const res = await fetch(`${server().url}${COVERAGE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(caller ? signCaller(caller, SECRET, { method: 'POST', path: COVERAGE_PATH, service: SERVICE, body: text }, 3600) : {}), ...headers },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as { parts?: Record<string, unknown>[] } };
}

const refusals = async () =>
  (await db.orm.em.fork().getConnection().execute<{ actor: string; action: string; subject_id: string | null; reason: string; correlation_id: string }[]>(`select actor, action, subject_id, reason, correlation_id from audit_log where outcome = 'REFUSED' order by id`)).map(
    (r) => `${r.actor} ${r.action} ${r.subject_id} ${r.reason} ${r.correlation_id}`,
  );
let audited = 0;
/** The refusals audited since the last call. */
const newRefusals = async () => {
  const all = await refusals();
  const fresh = all.slice(audited);
  audited = all.length;
  return fresh;
};

test('a reader of the county gets the parts of the households it may see, without their villages; one the department does not hold is left out', async () => {
  const res = await ask(county, { householdIds: [own, second, unknown], year: 2020 });
  expect(res.status).toBe(200);
  expect(res.body.parts).toEqual(
    [
      { householdId: own, members: 3, batches: ['EDUCATION'], gaps: [], asOf: '2020-06-01T08:00:00.000Z' },
      { householdId: second, members: 2, batches: ['EDUCATION'], gaps: [], asOf: null },
    ],
  );
  expect(asked.at(-1)).toEqual({ ids: [own, second, unknown], year: 2020, settings: { FUPIN_TOY: 'x' } });
  expect(await newRefusals()).toEqual([]);
});

test('the values the rules read are asked of the department only when the registry judges an exit (evidence: true, nothing else)', async () => {
  for (const body of [{ householdIds: [own], year: 2020 }, { householdIds: [own], year: 2020, evidence: 'yes' }, { householdIds: [own], year: 2020, evidence: true }]) {
    expect((await ask(county, body)).status).toBe(200);
  }
  expect(askedEvidence.slice(-3)).toEqual([false, false, true]);
});

test('a household outside the jurisdiction is left out and audited once, with the request id, however often it was asked', async () => {
  const res = await ask(county, { householdIds: [own, neighbours, neighbours], year: 2020 }, () => signed, { 'x-request-id': 'req-outside-1' });
  expect(res.status).toBe(200);
  expect(res.body.parts!.map((p) => p.householdId)).toEqual([own]);
  expect(await newRefusals()).toEqual([`caseworker-1 read Household.coverage ${neighbours} FORBIDDEN req-outside-1`]);
});

test('a caller who is not a registry reader is refused (403) and audited; the department is not asked', async () => {
  const before = asked.length;
  const officer: Caller = { subject: 'officer-1', role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'EDUCATION_AID' };
  const res = await ask(officer, { householdIds: [own], year: 2020 }, () => signed, { 'x-request-id': 'req-officer' });
  expect(res).toEqual({ status: 403, body: { error: 'coverage is for the registry readers' } });
  expect(await newRefusals()).toEqual(['officer-1 read Household.coverage null FORBIDDEN req-officer']);
  // Every reader role is one.
  for (const role of ['ADMIN', 'COUNTY_OFFICER', 'AUDITOR'] as const) expect((await ask({ subject: 'r', role, regionCode: '420115000000' }, { householdIds: [own], year: 2020 })).status).toBe(200);
  expect(asked.length).toBe(before + 3);
});

test('a department whose roster is behind answers 503 ROSTER_BEHIND, never an empty answer read as "no gap"', async () => {
  const before = asked.length;
  for (const state of ['CATCHING_UP', 'RESYNCING'] as ReplicaState[]) {
    replica = state;
    try {
      expect(await ask(county, { householdIds: [own], year: 2020 })).toEqual({ status: 503, body: { error: 'its roster is behind the registry (ROSTER_BEHIND)', code: 'ROSTER_BEHIND' } });
    } finally {
      replica = 'CURRENT';
    }
  }
  expect(asked.length).toBe(before);
});

test('householdIds: an array of up to COVERAGE_BATCH_LIMIT household ids, nothing else; the year from 2014 to next year', async () => {
  const before = asked.length;
  const badIds = { status: 400, body: { error: `householdIds: up to ${COVERAGE_BATCH_LIMIT} household ids` } };
  for (const householdIds of [undefined, own, [own, 'not-a-uuid'], [own, 7], Array.from({ length: COVERAGE_BATCH_LIMIT + 1 }, () => randomUUID())]) {
    expect(await ask(county, { householdIds, year: 2020 })).toEqual(badIds);
  }
  expect(await ask(county, null)).toEqual(badIds);
  const badYear = { status: 400, body: { error: 'year must be from 2014 to next year' } };
  for (const year of [2013, '2020', undefined, new Date().getFullYear() + 2]) expect(await ask(county, { householdIds: [own], year })).toEqual(badYear);
  expect(asked.length).toBe(before);
  // The limit itself is taken.
  expect((await ask(county, { householdIds: [own, ...Array.from({ length: COVERAGE_BATCH_LIMIT - 1 }, () => randomUUID())], year: 2014 })).status).toBe(200);
  expect(asked.at(-1)!.ids).toHaveLength(COVERAGE_BATCH_LIMIT);
});

test('with no caller the route refuses (401) before reading anything', async () => {
  const before = asked.length;
  expect(await ask(null, { householdIds: [own], year: 2020 }, () => unsigned)).toEqual({ status: 401, body: { error: 'no gateway credentials' } });
  // Where callers are signed, an unsigned request never reaches the route.
  expect((await ask(null, { householdIds: [own], year: 2020 })).status).toBe(401);
  expect(asked.length).toBe(before);
});

test('latestTimestamp: the latest of text and Dates as ISO text, nulls ignored; none at all is null', () => {
  expect(latestTimestamp('2020-01-01T00:00:00Z', new Date('2021-03-04T05:06:07.089Z'), null, undefined, '2020-12-31 23:59:59+00')).toBe('2021-03-04T05:06:07.089Z');
  expect(latestTimestamp('2022-01-01 08:00:00+08', new Date('2021-01-01T00:00:00Z'))).toBe('2022-01-01T00:00:00.000Z');
  expect(latestTimestamp(null, undefined)).toBeNull();
  expect(latestTimestamp()).toBeNull();
});

test("the sources of each batch are domain.md's \"data from\", each answered by its listed subgraph; the enums are the supergraph's", () => {
  const decides = Object.fromEntries(Object.values(Batch).map((b) => [b, COVERAGE_SOURCES.filter((s) => s.batches.includes(b)).map((s) => s.subgraph).sort()]));
  expect(decides).toEqual({
    PRODUCTION: ['employment'],
    RELOCATION: ['housing-repair'],
    ECOLOGICAL_COMPENSATION: ['employment'],
    EDUCATION: ['education-aid'],
    SOCIAL_SECURITY: ['health-insurance', 'households'],
  });
  // The registry and listed departments, each once (a department new to the hub decides no
  // batch until domain.md says so), each answered by the subgraph the list gives its code.
  const sources = COVERAGE_SOURCES.map((s) => s.source);
  expect(new Set(sources).size).toBe(sources.length);
  expect(['REGISTRY', ...DEPARTMENTS]).toEqual(expect.arrayContaining(sources));
  const listed = readSubgraphList();
  for (const s of COVERAGE_SOURCES) {
    expect(listed.find((l) => l.name === s.subgraph)?.department ?? 'REGISTRY').toBe(s.source);
  }
  const supergraph = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  const enumValues = (name: string) => [...new RegExp(`^enum ${name}\\b[^{]*\\{([^}]*)\\}`, 'm').exec(supergraph)![1]!.matchAll(/^\s+([A-Z_]+)/gm)].map((m) => m[1]);
  expect(Object.entries(Batch).map(([k, v]) => (k === v ? v : `${k}≠${v}`))).toEqual(enumValues('Batch'));
  expect(Object.entries(GapKind).map(([k, v]) => (k === v ? v : `${k}≠${v}`))).toEqual(enumValues('GapKind'));
  expect(COVERAGE_PATH).toBe('/internal/coverage');
});
