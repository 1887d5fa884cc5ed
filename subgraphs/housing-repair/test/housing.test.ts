import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { awaitInReplica, errorCode, type GraphQLClient, meetExitStandard, seed, type SeededHousehold, throughProcedure, tomorrowInChina } from '@fupin/kit/testing';
import { randomUUID } from 'node:crypto';

// Housing repair through the gateway, with every subgraph of the hub: the contract's
// RecordAppraisal, RecordRenovation and RecordRelocation, the safe rule on every case of
// domain.md, renovations moving forward only, the priority work list, batching, security.
let hub: TestGatewayHub;
let officer: GraphQLClient;
let county: string;
let village: string;

// The contract's operations (../shared/contract/operations.graphql), sent as clients send them.
const RECORD_APPRAISAL = `mutation RecordAppraisal($input: RecordAppraisalInput!) {
  # input: householdId, grade, appraisedOn, appraiser
  recordAppraisal(input: $input) { grade appraisedOn }
}`;
const RECORD_RENOVATION = `mutation RecordRenovation($input: RecordRenovationInput!) {
  # input: householdId, kind, subsidy, status, startedOn, completedOn
  recordRenovation(input: $input) { id kind status }
}`;
const RECORD_RELOCATION = `mutation RecordRelocation($input: RecordRelocationInput!) {
  # input: householdId, site, relocatedOn
  recordRelocation(input: $input) { site relocatedOn }
}`;
const ADVANCE = `mutation($input: AdvanceRenovationInput!) { advanceRenovation(input: $input) { id status startedOn completedOn } }`;
const HOUSING = `query($id: ID!) { household(id: $id) { housing {
  safe unsafeReason
  latestAppraisal { grade appraisedOn }
  renovations { kind status completedOn }
  relocation { site relocatedOn } } } }`;
const WORK_LIST = `query($code: ID!, $first: Int, $after: String) {
  unsafeHousing(regionCode: $code, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { household { id } villageCode reason latestGrade latestAppraisedOn priorityGroups }
  }
}`;

const TOMORROW = tomorrowInChina();
const housing = () => hub.subgraphs['housing-repair']!;
const sql = async (text: string, params: unknown[] = []) => housing().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(text, params);
const counts = async () => (await sql(`select (select count(*) from appraisal) as appraisals, (select count(*) from renovation) as renovations, (select count(*) from relocation) as relocations`))[0];

const appraise = (householdId: string, grade: string, appraisedOn = '2018-05-01') => officer.data(RECORD_APPRAISAL, { input: { householdId, grade, appraisedOn, appraiser: '乡镇房屋安全鉴定组' } });
const renovate = async (householdId: string, over: Record<string, unknown> = {}) =>
  (await officer.data<{ recordRenovation: { id: string } }>(RECORD_RENOVATION, { input: { householdId, kind: 'REPAIR', subsidy: 15000, status: 'ACCEPTED', startedOn: '2019-03-01', completedOn: '2019-08-01', ...over } })).recordRenovation.id;
const view = async (id: string, client = hub.client) => (await client.data<{ household: { housing: any } }>(HOUSING, { id })).household.housing;

/** A household on the department's replica, ready for writes. */
async function household(villageCode = village, options: Partial<Parameters<ReturnType<typeof seed>['household']>[0]> = {}): Promise<SeededHousehold> {
  const h = await seed(hub.client).household({ villageCode, ...options });
  await awaitInReplica(housing().orm, h.members[0]!.id);
  return h;
}

beforeAll(async () => {
  hub = await startHub({}, { rosterWaitMs: 1500 });
  county = '420115000000';
  village = await seed(hub.client).village();
  officer = await hub.as('DEPARTMENT_OFFICER', county, 'HOUSING_REPAIR');
});
afterAll(() => hub?.stop());

test('the contract operations record what the household view shows', async () => {
  const h = await household();
  expect((await officer.data<{ recordAppraisal: unknown }>(RECORD_APPRAISAL, { input: { householdId: h.id, grade: 'C', appraisedOn: '2018-05-01', appraiser: '鉴定组' } })).recordAppraisal).toEqual({ grade: 'C', appraisedOn: '2018-05-01' });
  const renovation = await officer.data<{ recordRenovation: unknown }>(RECORD_RENOVATION, { input: { householdId: h.id, kind: 'REPAIR', subsidy: 15000.5, status: 'COMPLETED', startedOn: '2019-03-01', completedOn: '2019-08-01' } });
  expect(renovation.recordRenovation).toEqual({ id: expect.any(String), kind: 'REPAIR', status: 'COMPLETED' });
  expect((await officer.data<{ recordRelocation: unknown }>(RECORD_RELOCATION, { input: { householdId: h.id, site: '城关镇安置点', relocatedOn: '2020-10-01' } })).recordRelocation).toEqual({ site: '城关镇安置点', relocatedOn: '2020-10-01' });
  const caseworker = await hub.as('CASEWORKER', village);
  expect(await view(h.id, caseworker)).toEqual({
    safe: true,
    unsafeReason: null,
    latestAppraisal: { grade: 'C', appraisedOn: '2018-05-01' },
    renovations: [{ kind: 'REPAIR', status: 'COMPLETED', completedOn: '2019-08-01' }],
    relocation: { site: '城关镇安置点', relocatedOn: '2020-10-01' },
  });
  expect(await sql('select subsidy from renovation where household_id = ?', [h.id])).toEqual([{ subsidy: '15000.50' }]);
});

describe('safe, by the rule of domain.md', () => {
  test.each<[string, (id: string) => Promise<unknown>, boolean, string | null]>([
    ['A', (id) => appraise(id, 'A'), true, null],
    ['B', (id) => appraise(id, 'B'), true, null],
    ['no appraisal', async () => {}, false, 'NEVER_APPRAISED'],
    ['C repaired after the appraisal', async (id) => { await appraise(id, 'C', '2018-05-01'); await renovate(id); }, true, null],
    ['C repaired on the day of the appraisal', async (id) => { await appraise(id, 'C', '2019-08-01'); await renovate(id); }, true, null],
    ['C repaired before it', async (id) => { await appraise(id, 'C', '2020-05-01'); await renovate(id); }, false, 'C_NOT_RENOVATED'],
    ['C rebuilt', async (id) => { await appraise(id, 'C'); await renovate(id, { kind: 'REBUILD' }); }, true, null],
    ['C with the repair still in progress', async (id) => { await appraise(id, 'C'); await renovate(id, { status: 'IN_PROGRESS', completedOn: null }); }, false, 'C_NOT_RENOVATED'],
    ['D repaired but not rebuilt', async (id) => { await appraise(id, 'D'); await renovate(id); }, false, 'D_NOT_REBUILT'],
    ['D rebuilt', async (id) => { await appraise(id, 'D'); await renovate(id, { kind: 'REBUILD', status: 'COMPLETED' }); }, true, null],
    ['D relocated, never rebuilt', async (id) => { await appraise(id, 'D'); await officer.data(RECORD_RELOCATION, { input: { householdId: id, site: '安置点', relocatedOn: '2019-01-01' } }); }, true, null],
    ['relocated, never appraised', (id) => officer.data(RECORD_RELOCATION, { input: { householdId: id, site: '安置点', relocatedOn: '2019-01-01' } }), true, null],
    ['A, then appraised D later: the latest counts', async (id) => { await appraise(id, 'A', '2017-01-01'); await appraise(id, 'D', '2020-01-01'); }, false, 'D_NOT_REBUILT'],
    ['D rebuilt, then appraised C later: the rebuild came before it', async (id) => { await appraise(id, 'D', '2017-01-01'); await renovate(id, { kind: 'REBUILD' }); await appraise(id, 'C', '2020-01-01'); }, false, 'C_NOT_RENOVATED'],
  ])('%s', async (_case, record, safe, reason) => {
    const h = await household();
    await record(h.id);
    expect(await view(h.id)).toMatchObject({ safe, unsafeReason: reason });
  });

  test('a renovation COMPLETED without a completion date is refused, so it never counts', async () => {
    const h = await household();
    await appraise(h.id, 'C');
    const res = await officer.request(RECORD_RENOVATION, { input: { householdId: h.id, kind: 'REPAIR', subsidy: 1000, status: 'COMPLETED', startedOn: '2019-01-01' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await view(h.id)).toMatchObject({ safe: false, unsafeReason: 'C_NOT_RENOVATED', renovations: [] });
  });
});

test('a renovation moves forward only; its completion makes the house safe', async () => {
  const h = await household();
  await appraise(h.id, 'D');
  const id = await renovate(h.id, { kind: 'REBUILD', status: 'PLANNED', startedOn: null, completedOn: null });
  const advance = (input: Record<string, unknown>) => officer.request<{ advanceRenovation: unknown }>(ADVANCE, { input: { renovationId: id, ...input } });
  expect(errorCode(await advance({ status: 'IN_PROGRESS' }))).toBe('BAD_USER_INPUT'); // no start date
  expect((await advance({ status: 'IN_PROGRESS', startedOn: '2019-04-01' })).data?.advanceRenovation).toEqual({ id, status: 'IN_PROGRESS', startedOn: '2019-04-01', completedOn: null });
  expect(errorCode(await advance({ status: 'PLANNED' }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await advance({ status: 'IN_PROGRESS' }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await advance({ status: 'COMPLETED', completedOn: '2019-03-31' }))).toBe('BAD_USER_INPUT'); // before the start
  expect(errorCode(await advance({ status: 'COMPLETED', startedOn: '2019-05-01', completedOn: '2019-09-01' }))).toBe('BAD_USER_INPUT'); // the start is recorded
  expect(await view(h.id)).toMatchObject({ safe: false, unsafeReason: 'D_NOT_REBUILT' });
  expect((await advance({ status: 'ACCEPTED', completedOn: '2019-09-01' })).data?.advanceRenovation).toEqual({ id, status: 'ACCEPTED', startedOn: '2019-04-01', completedOn: '2019-09-01' });
  expect(errorCode(await advance({ status: 'COMPLETED' }))).toBe('BAD_USER_INPUT');
  expect(await view(h.id)).toMatchObject({ safe: true, unsafeReason: null });
  // An id that names no renovation may be one of another county's: the county's officer hears
  // FORBIDDEN, as for those (only the whole country's officer hears NOT_FOUND; see security).
  expect(errorCode(await officer.request(ADVANCE, { input: { renovationId: randomUUID(), status: 'ACCEPTED' } }))).toBe('FORBIDDEN');
});

describe('bad input is refused and writes nothing', () => {
  let h: SeededHousehold;
  beforeAll(async () => {
    h = await household();
  });
  const appraisal = (over: Record<string, unknown>) => ({ householdId: h.id, grade: 'C', appraisedOn: '2018-05-01', appraiser: '鉴定组', ...over });
  const renovation = (over: Record<string, unknown>) => ({ householdId: h.id, kind: 'REPAIR', subsidy: 1000, status: 'COMPLETED', startedOn: '2019-01-01', completedOn: '2019-06-01', ...over });
  const relocation = (over: Record<string, unknown>) => ({ householdId: h.id, site: '安置点', relocatedOn: '2019-01-01', ...over });
  test.each<[string, string, () => Record<string, unknown>, string]>([
    ['appraisal: unknown household', RECORD_APPRAISAL, () => appraisal({ householdId: randomUUID() }), 'NOT_FOUND'],
    ['appraisal: a household id that is no id', RECORD_APPRAISAL, () => appraisal({ householdId: 'house' }), 'NOT_FOUND'],
    ['appraisal: grade E', RECORD_APPRAISAL, () => appraisal({ grade: 'E' }), 'BAD_USER_INPUT'],
    ['appraisal: tomorrow', RECORD_APPRAISAL, () => appraisal({ appraisedOn: TOMORROW }), 'BAD_USER_INPUT'],
    ['appraisal: before 2014', RECORD_APPRAISAL, () => appraisal({ appraisedOn: '2013-12-31' }), 'BAD_USER_INPUT'],
    ['appraisal: no appraiser', RECORD_APPRAISAL, () => appraisal({ appraiser: ' ' }), 'BAD_USER_INPUT'],
    ['renovation: unknown household', RECORD_RENOVATION, () => renovation({ householdId: randomUUID() }), 'NOT_FOUND'],
    ['renovation: completed before it started', RECORD_RENOVATION, () => renovation({ startedOn: '2019-06-02' }), 'BAD_USER_INPUT'],
    ['renovation: negative subsidy', RECORD_RENOVATION, () => renovation({ subsidy: -1 }), 'BAD_USER_INPUT'],
    ['renovation: subsidy with three decimals', RECORD_RENOVATION, () => renovation({ subsidy: 10.005 }), 'BAD_USER_INPUT'],
    ['renovation: completed tomorrow', RECORD_RENOVATION, () => renovation({ completedOn: TOMORROW }), 'BAD_USER_INPUT'],
    ['renovation: started tomorrow', RECORD_RENOVATION, () => renovation({ status: 'IN_PROGRESS', startedOn: TOMORROW, completedOn: null }), 'BAD_USER_INPUT'],
    ['renovation: ACCEPTED without a completion date', RECORD_RENOVATION, () => renovation({ status: 'ACCEPTED', completedOn: null }), 'BAD_USER_INPUT'],
    ['renovation: in progress with no start', RECORD_RENOVATION, () => renovation({ status: 'IN_PROGRESS', startedOn: null, completedOn: null }), 'BAD_USER_INPUT'],
    ['renovation: planned but started', RECORD_RENOVATION, () => renovation({ status: 'PLANNED', completedOn: null }), 'BAD_USER_INPUT'],
    ['renovation: a kind outside the list', RECORD_RENOVATION, () => renovation({ kind: 'PAINT' }), 'BAD_USER_INPUT'],
    ['relocation: unknown household', RECORD_RELOCATION, () => relocation({ householdId: randomUUID() }), 'NOT_FOUND'],
    ['relocation: tomorrow', RECORD_RELOCATION, () => relocation({ relocatedOn: TOMORROW }), 'BAD_USER_INPUT'],
    ['relocation: no site', RECORD_RELOCATION, () => relocation({ site: '' }), 'BAD_USER_INPUT'],
  ])('%s', async (_name, query, input, code) => {
    const before = await counts();
    expect(errorCode(await officer.request(query, { input: input() }))).toBe(code);
    expect(await counts()).toEqual(before);
  });
});

describe('the priority work list', () => {
  let list: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    list = await seed(hub.client).village();
    const poorNeverAppraised = await household(list);
    const poorSafe = await household(list);
    const dibaoD = await household(list, { type: 'DIBAO' });
    const tekunC = await household(list, { type: 'TEKUN' });
    await appraise(poorSafe.id, 'B');
    await appraise(dibaoD.id, 'D');
    await renovate(dibaoD.id); // a repair does not make a D house safe
    await appraise(tekunC.id, 'C');
    // Lifted and then monitored: still registered poor (建档立卡: POOR at any time), so on the list.
    const monitored = await monitoredHousehold(list, 'HEALTHY');
    const monitoredDisabled = await monitoredHousehold(list, 'DISABLED');
    for (const m of [monitored, monitoredDisabled]) await appraise(m.id, 'D', '2021-05-01');
    ids = { poorNeverAppraised: poorNeverAppraised.id, poorSafe: poorSafe.id, dibaoD: dibaoD.id, tekunC: tekunC.id, monitored: monitored.id, monitoredDisabled: monitoredDisabled.id };
  });

  /** Registered, lifted (the registry's part of the exit standard met), then monitored. */
  async function monitoredHousehold(villageCode: string, healthStatus: string) {
    const h = await household(villageCode, { members: [{ relationToHead: 'HEAD', healthStatus, ...(healthStatus === 'DISABLED' ? { disabilityGrade: 2 } : {}) }] });
    await appraise(h.id, 'A', '2019-01-01');
    await meetExitStandard(hub.client, h);
    await throughProcedure(hub, h.id, 'LIFTED', '2020-12-01');
    await hub.client.data(`mutation($input: ChangeHouseholdStatusInput!) { changeHouseholdStatus(input: $input) { status } }`, { input: { householdId: h.id, status: 'MONITORED', effectiveDate: '2021-03-01', reason: '动态管理' } });
    // The status reaches the roster replica.
    for (let i = 0; ; i++) {
      const [row] = await sql('select household_status from roster where household_id = ? limit 1', [h.id]);
      if (row?.household_status === 'MONITORED') break;
      if (i === 300) throw new Error(`household ${h.id} did not reach the roster replica as MONITORED within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return h;
  }

  test('the priority households whose housing is not safe today, with why and their groups', async () => {
    const { totalCount, nodes } = await (await hub.as('CASEWORKER', list)).data<{ unsafeHousing: { totalCount: number; nodes: any[] } }>(WORK_LIST, { code: list }).then((d) => d.unsafeHousing);
    const byId = Object.fromEntries(nodes.map((n) => [n.household.id, n]));
    expect(Object.keys(byId).sort()).toEqual([ids.poorNeverAppraised, ids.dibaoD, ids.tekunC, ids.monitored, ids.monitoredDisabled].sort());
    expect(totalCount).toBe(5);
    expect(byId[ids.poorNeverAppraised!]).toMatchObject({ reason: 'NEVER_APPRAISED', latestGrade: null, latestAppraisedOn: null, priorityGroups: ['REGISTERED_POOR'], villageCode: list });
    expect(byId[ids.dibaoD!]).toMatchObject({ reason: 'D_NOT_REBUILT', latestGrade: 'D', latestAppraisedOn: '2018-05-01', priorityGroups: ['REGISTERED_POOR', 'DIBAO'] });
    expect(byId[ids.tekunC!]).toMatchObject({ reason: 'C_NOT_RENOVATED', priorityGroups: ['REGISTERED_POOR', 'TEKUN'] });
    expect(byId[ids.monitored!]).toMatchObject({ reason: 'D_NOT_REBUILT', priorityGroups: ['REGISTERED_POOR'] });
    expect(byId[ids.monitoredDisabled!]).toMatchObject({ reason: 'D_NOT_REBUILT', priorityGroups: ['REGISTERED_POOR', 'DISABLED_MEMBER'] });
    // The household view agrees with the list: one rule.
    expect(await view(ids.monitored!)).toMatchObject({ safe: false, unsafeReason: 'D_NOT_REBUILT' });
  });

  test('paged by a cursor; the county includes the village; one statement, no count when not asked', async () => {
    const one = await hub.client.data<{ unsafeHousing: any }>(WORK_LIST, { code: list, first: 3 });
    const two = await hub.client.data<{ unsafeHousing: any }>(WORK_LIST, { code: list, first: 3, after: one.unsafeHousing.pageInfo.endCursor });
    expect(one.unsafeHousing.pageInfo.hasNextPage).toBe(true);
    expect(two.unsafeHousing.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...one.unsafeHousing.nodes, ...two.unsafeHousing.nodes].map((n: any) => n.household.id)).size).toBe(5);
    const countyWide = await officer.data<{ unsafeHousing: any }>(WORK_LIST, { code: county, first: 100 });
    expect(countyWide.unsafeHousing.nodes.map((n: any) => n.household.id)).toEqual(expect.arrayContaining([ids.dibaoD, ids.tekunC]));
    const plain = await housing().sql.during(() => hub.client.data(`query($c: ID!) { unsafeHousing(regionCode: $c, first: 2) { nodes { reason } } }`, { c: list }));
    expect(plain.statements).toHaveLength(1);
    expect(plain.statements[0]).not.toMatch(/count\(/);
  });

  test('refused outside the jurisdiction (audited) and for other departments', async () => {
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HOUSING_REPAIR', 'housing-elsewhere');
    expect(errorCode(await elsewhere.request(WORK_LIST, { code: list }))).toBe('FORBIDDEN');
    expect(await sql(`select action, subject_id, outcome from audit_log where actor = 'housing-elsewhere'`)).toEqual([{ action: 'read Query.unsafeHousing', subject_id: list, outcome: 'REFUSED' }]);
    const education = await hub.as('DEPARTMENT_OFFICER', county, 'EDUCATION_AID');
    expect(errorCode(await education.request(WORK_LIST, { code: list }))).toBe('FORBIDDEN');
    expect(errorCode(await hub.client.request(WORK_LIST, { code: '4201' }))).toBe('BAD_USER_INPUT');
  });
});

test('a page of 100 households with their housing costs the same SQL as a page of 10', async () => {
  const v = await seed(hub.client).village();
  const households = [];
  for (let i = 0; i < 100; i++) households.push(await seed(hub.client).household({ villageCode: v }));
  await awaitInReplica(housing().orm, households.at(-1)!.members[0]!.id);
  for (let i = 0; i < 100; i += 10) {
    await Promise.all(households.slice(i, i + 10).map(async (h) => {
      await appraise(h.id, 'C');
      await renovate(h.id);
    }));
  }
  const LIST = `query($code: ID!, $first: Int) { region(code: $code) { households(first: $first) { nodes { id
    housing { safe unsafeReason latestAppraisal { grade } renovations { status } relocation { site } } } } } }`;
  const statementsFor = async (first: number) => {
    const { result, statements } = await housing().sql.during(() => hub.client.data<{ region: any }>(LIST, { code: v, first }));
    const nodes = result.region.households.nodes;
    expect(nodes).toHaveLength(first);
    expect(nodes.every((h: any) => h.housing.safe && h.housing.latestAppraisal.grade === 'C' && h.housing.renovations.length === 1 && h.housing.relocation === null)).toBe(true);
    return statements;
  };
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred.length).toBe(ten.length);
  // household references, status, appraisals, renovations, relocations
  expect(ten.length).toBeLessThanOrEqual(5);
});

describe('security', () => {
  test('another department may neither write nor read; the refusals are audited by the housing department', async () => {
    const h = await household();
    const other = await hub.as('DEPARTMENT_OFFICER', county, 'EMPLOYMENT', 'employment-reads-houses');
    const before = await counts();
    expect(errorCode(await other.request(RECORD_APPRAISAL, { input: { householdId: h.id, grade: 'A', appraisedOn: '2018-01-01', appraiser: 'x' } }))).toBe('FORBIDDEN');
    expect(errorCode(await other.request(RECORD_RELOCATION, { input: { householdId: h.id, site: 'x', relocatedOn: '2018-01-01' } }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const read = await other.request<{ household: { housing: unknown } }>(HOUSING, { id: h.id });
    expect(errorCode(read)).toBe('FORBIDDEN');
    expect(read.data?.household.housing ?? null).toBeNull();
    const refused = await sql(`select action from audit_log where actor = 'employment-reads-houses' and outcome = 'REFUSED' order by action`);
    expect(refused.map((r) => r.action)).toEqual(expect.arrayContaining(['read Household.housing', 'recordAppraisal', 'recordRelocation']));
  });

  test("the housing department's officer of another county cannot write here", async () => {
    const h = await household();
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HOUSING_REPAIR');
    const before = await counts();
    expect(errorCode(await elsewhere.request(RECORD_APPRAISAL, { input: { householdId: h.id, grade: 'A', appraisedOn: '2018-01-01', appraiser: 'x' } }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  test('advancing a renovation from another county: FORBIDDEN whether or not it exists, audited with the renovation it named', async () => {
    const h = await household();
    const id = await renovate(h.id, { status: 'PLANNED', startedOn: null, completedOn: null });
    const unknown = randomUUID();
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HOUSING_REPAIR', 'housing-of-huangpi');
    const advance = (client: GraphQLClient, renovationId: string) => client.request(ADVANCE, { input: { renovationId, status: 'IN_PROGRESS', startedOn: '2019-04-01' } });
    const [existing, missing] = [await advance(elsewhere, id), await advance(elsewhere, unknown)];
    // One answer for both: the error (code and message) says nothing of which id exists.
    expect(existing.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['renovation is outside your jurisdiction', 'FORBIDDEN']]);
    expect(missing.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(existing.errors?.map((e) => [e.message, e.extensions?.code]));
    expect(await sql('select status from renovation where id = ?', [id])).toEqual([{ status: 'PLANNED' }]);
    const refused = await sql(`select action, subject_id, reason from audit_log where actor = 'housing-of-huangpi' and outcome = 'REFUSED' order by id`);
    expect(refused).toEqual([
      { action: 'advanceRenovation', subject_id: id, reason: 'FORBIDDEN' },
      { action: 'advanceRenovation', subject_id: unknown, reason: 'FORBIDDEN' },
    ]);
    // In the jurisdiction, an id that names no renovation is NOT_FOUND for the whole country's officer...
    const national = await hub.as('DEPARTMENT_OFFICER', '000000000000', 'HOUSING_REPAIR');
    expect(errorCode(await advance(national, unknown))).toBe('NOT_FOUND');
    // ...and the county's own officer moves its renovation.
    expect(errorCode(await advance(officer, id))).toBeUndefined();
  });

  test("an auditor reads the housing department's audit log through the gateway", async () => {
    const auditor = await hub.as('AUDITOR', county);
    const { auditLogs } = await auditor.data<{ auditLogs: { housingRepair: { nodes: { action: string; outcome: string }[] } } }>(`{ auditLogs { housingRepair(first: 100) { nodes { action outcome } } } }`);
    expect(auditLogs.housingRepair.nodes).toEqual(expect.arrayContaining([{ action: 'recordAppraisal', outcome: 'ALLOWED' }, { action: 'recordAppraisal', outcome: 'REFUSED' }]));
  });
});
