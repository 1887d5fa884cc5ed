import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { todayInChina } from '@fupin/kit';
import { awaitInReplica, errorCode, type GraphQLClient, seed, tomorrowInChina } from '@fupin/kit/testing';
import { randomUUID } from 'node:crypto';

// Education aid through the gateway, with every subgraph of the hub: schooling and grants
// (the contract's RecordSchooling and RecordGrant, the household view's fields), refusals
// that write nothing, the dropout roster on its edges, batching, who may do what.
let hub: TestGatewayHub;
let officer: GraphQLClient;
let county: string;
let village: string;

// The contract's operations (../shared/contract/operations.graphql), sent as clients send them.
const RECORD_SCHOOLING = `mutation RecordSchooling($input: RecordSchoolingInput!) {
  # input: memberId, year, stage, school, status
  recordSchooling(input: $input) { year stage status }
}`;
const RECORD_GRANT = `mutation RecordGrant($input: RecordGrantInput!) {
  # input: memberId, program, amount, paidOn
  recordGrant(input: $input) { id program amount }
}`;
const VIEW = `query($id: ID!, $year: Int) { household(id: $id) { members { id schooling(year: 2020) { stage school status } grants(year: $year) { program amount paidOn } } } }`;
const DROPOUTS = `query($code: ID!, $year: Int!, $first: Int, $after: String) {
  dropouts(regionCode: $code, year: $year, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { member { id } household { id } villageCode age reason schooling { year school stage status } }
  }
}`;

const TODAY = todayInChina();
const THIS_YEAR = Number(TODAY.slice(0, 4));
const TOMORROW = tomorrowInChina();

const education = () => hub.subgraphs['education-aid']!;
const sql = async (text: string, params: unknown[] = []) => education().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(text, params);
const counts = async () => (await sql(`select (select count(*) from schooling) as schooling, (select count(*) from education_grant) as grants`))[0];
const schoolingInput = (memberId: string, over: Record<string, unknown> = {}) => ({ memberId, year: 2020, stage: 'PRIMARY', school: '山坡乡中心学校', status: 'ENROLLED', ...over });
const grantInput = (memberId: string, over: Record<string, unknown> = {}) => ({ memberId, program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 1000, paidOn: '2020-09-15', ...over });
/** A household whose third member is a child born on `birthDate`. */
const family = (villageCode: string, ...children: string[]) =>
  seed(hub.client).household({ villageCode, members: [{ relationToHead: 'HEAD', birthDate: '1980-02-02' }, { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '1982-03-03' }, ...children.map((birthDate) => ({ relationToHead: 'CHILD', birthDate }))] });

beforeAll(async () => {
  hub = await startHub({}, { rosterWaitMs: 1500 });
  county = '420115000000';
  village = await seed(hub.client).village();
  officer = await hub.as('DEPARTMENT_OFFICER', county, 'EDUCATION_AID');
});
afterAll(() => hub?.stop());

test('RecordSchooling: a school year per person, recorded again it replaces; the household view shows it', async () => {
  const h = await family(village, '2012-05-05');
  const child = h.members[2]!.id;
  const first = await officer.data<{ recordSchooling: unknown }>(RECORD_SCHOOLING, { input: schoolingInput(child) });
  expect(first.recordSchooling).toEqual({ year: 2020, stage: 'PRIMARY', status: 'ENROLLED' });
  // Replaced by another officer: the row names who recorded what it now says.
  const colleague = await hub.as('DEPARTMENT_OFFICER', county, 'EDUCATION_AID', 'edu-officer-li');
  const again = await colleague.data<{ recordSchooling: unknown }>(RECORD_SCHOOLING, { input: schoolingInput(child, { status: 'DROPPED_OUT', school: '县特殊教育学校' }) });
  expect(again.recordSchooling).toEqual({ year: 2020, stage: 'PRIMARY', status: 'DROPPED_OUT' });
  expect(await sql('select year, school, stage, status, recorded_by from schooling where member_id = ?', [child])).toEqual([
    { year: 2020, school: '县特殊教育学校', stage: 'PRIMARY', status: 'DROPPED_OUT', recorded_by: 'edu-officer-li' },
  ]);
  const caseworker = await hub.as('CASEWORKER', village);
  const { household } = await caseworker.data<{ household: { members: { id: string; schooling: unknown }[] } }>(VIEW, { id: h.id, year: 2020 });
  expect(household.members.find((m) => m.id === child)!.schooling).toEqual({ stage: 'PRIMARY', school: '县特殊教育学校', status: 'DROPPED_OUT' });
  expect(household.members.find((m) => m.id === h.members[0]!.id)!.schooling).toBeNull();
});

test('RecordGrant: grants accumulate, exact to the fen; grants(year) is the calendar year paid, every year when omitted', async () => {
  const h = await family(village, '2012-05-05');
  const child = h.members[2]!.id;
  const a = await officer.data<{ recordGrant: { id: string; program: string; amount: number } }>(RECORD_GRANT, { input: grantInput(child, { amount: '1000.05' }) });
  expect(a.recordGrant).toEqual({ id: expect.any(String), program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 1000.05 });
  const b = await officer.data<{ recordGrant: { id: string } }>(RECORD_GRANT, { input: grantInput(child, { amount: 250, paidOn: '2020-03-01' }) });
  expect(b.recordGrant.id).not.toBe(a.recordGrant.id);
  await officer.data(RECORD_GRANT, { input: grantInput(child, { program: 'NATIONAL_GRANT', amount: 2000, paidOn: '2021-01-10' }) });
  expect(await sql('select amount from education_grant where member_id = ? order by paid_on', [child])).toEqual([{ amount: '250.00' }, { amount: '1000.05' }, { amount: '2000.00' }]);

  const view = async (year: number | null) => (await hub.client.data<{ household: { members: { id: string; grants: unknown[] }[] } }>(VIEW, { id: h.id, year })).household.members.find((m) => m.id === child)!.grants;
  expect(await view(2020)).toEqual([
    { program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 250, paidOn: '2020-03-01' },
    { program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 1000.05, paidOn: '2020-09-15' },
  ]);
  expect(await view(2021)).toEqual([{ program: 'NATIONAL_GRANT', amount: 2000, paidOn: '2021-01-10' }]);
  expect(await view(null)).toHaveLength(3);
});

describe('bad input is refused and writes nothing', () => {
  let child: string;
  let adult: string;
  beforeAll(async () => {
    const h = await family(village, '2014-03-01');
    adult = h.members[0]!.id;
    child = h.members[2]!.id;
    await awaitInReplica(education().orm, child);
  });

  test.each([
    ['schooling: unknown member', RECORD_SCHOOLING, () => schoolingInput(randomUUID()), 'NOT_FOUND'],
    ['schooling: a member id that is no id', RECORD_SCHOOLING, () => schoolingInput('nobody'), 'NOT_FOUND'],
    ['schooling: a university student of 6', RECORD_SCHOOLING, () => schoolingInput(child, { stage: 'TERTIARY' }), 'BAD_USER_INPUT'],
    ['schooling: a pupil of 40 in primary school', RECORD_SCHOOLING, () => schoolingInput(adult), 'BAD_USER_INPUT'],
    ['schooling: year 2013', RECORD_SCHOOLING, () => schoolingInput(child, { year: 2013 }), 'BAD_USER_INPUT'],
    ['schooling: the year after next', RECORD_SCHOOLING, () => schoolingInput(child, { year: THIS_YEAR + 2 }), 'BAD_USER_INPUT'],
    ['schooling: no school', RECORD_SCHOOLING, () => schoolingInput(child, { school: '  ' }), 'BAD_USER_INPUT'],
    ['schooling: a status outside the list', RECORD_SCHOOLING, () => schoolingInput(child, { status: 'EXPELLED' }), 'BAD_USER_INPUT'],
    ['grant: unknown member', RECORD_GRANT, () => grantInput(randomUUID()), 'NOT_FOUND'],
    ['grant: zero', RECORD_GRANT, () => grantInput(child, { amount: 0 }), 'BAD_USER_INPUT'],
    ['grant: negative', RECORD_GRANT, () => grantInput(child, { amount: -500 }), 'BAD_USER_INPUT'],
    ['grant: three decimals', RECORD_GRANT, () => grantInput(child, { amount: 500.125 }), 'BAD_USER_INPUT'],
    ['grant: paid tomorrow', RECORD_GRANT, () => grantInput(child, { paidOn: TOMORROW }), 'BAD_USER_INPUT'],
    ['grant: paid before the registry', RECORD_GRANT, () => grantInput(child, { paidOn: '2013-12-31' }), 'BAD_USER_INPUT'],
    ['grant: no such day', RECORD_GRANT, () => grantInput(child, { paidOn: '2020-02-30' }), 'BAD_USER_INPUT'],
    ['grant: a programme outside the list', RECORD_GRANT, () => grantInput(child, { program: 'POCKET_MONEY' }), 'BAD_USER_INPUT'],
  ])('%s', async (_name, query, input, code) => {
    const before = await counts();
    const res = await officer.request(query, { input: input() });
    expect(errorCode(res)).toBe(code);
    expect(await counts()).toEqual(before);
  });

  test('the same child in primary school is accepted: the refusals above are about the input', async () => {
    expect((await officer.data<{ recordSchooling: { stage: string } }>(RECORD_SCHOOLING, { input: schoolingInput(child) })).recordSchooling.stage).toBe('PRIMARY');
  });

  test('a year outside 2014..next year is refused on the read too', async () => {
    const h = await family(village);
    const res = await hub.client.request(`query($id: ID!) { household(id: $id) { members { schooling(year: 2013) { status } } } }`, { id: h.id });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('the dropout roster', () => {
  let roster: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    roster = await seed(hub.client).village();
    // 2020: compulsory age is 6 to 15 on 31 August 2020.
    const a = await family(roster, '2014-08-31', '2014-09-01', '2004-09-01', '2004-08-31');
    const b = await family(roster, '2010-05-01', '2010-06-01', '2011-01-01', '2012-07-07');
    ids = {
      turnsSixOn31August: a.members[2]!.id,
      bornOn1September: a.members[3]!.id,
      turnsSixteenOn1September: a.members[4]!.id,
      turnsSixteenOn31August: a.members[5]!.id,
      enrolled: b.members[2]!.id,
      droppedOut: b.members[3]!.id,
      homeTaught: b.members[4]!.id,
      onlyLastYear: b.members[5]!.id,
    };
    await awaitInReplica(education().orm, ids.onlyLastYear!);
    await officer.data(RECORD_SCHOOLING, { input: schoolingInput(ids.enrolled!) });
    await officer.data(RECORD_SCHOOLING, { input: schoolingInput(ids.droppedOut!, { status: 'DROPPED_OUT' }) });
    await officer.data(RECORD_SCHOOLING, { input: schoolingInput(ids.homeTaught!, { status: 'HOME_TAUGHT' }) });
    await officer.data(RECORD_SCHOOLING, { input: schoolingInput(ids.onlyLastYear!, { year: 2019 }) });
    // Outside the compulsory ages, a record changes nothing either way.
    await officer.data(RECORD_SCHOOLING, { input: schoolingInput(ids.bornOn1September!, { stage: 'PRESCHOOL', status: 'DROPPED_OUT' }) });
  });

  const list = async (client: GraphQLClient, variables: Record<string, unknown>) =>
    (await client.data<{ dropouts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: any[] } }>(DROPOUTS, { year: 2020, ...variables })).dropouts;

  test('6 to 15 on 31 August, with no record for the school year or DROPPED_OUT: exactly these, with why', async () => {
    const caseworker = await hub.as('CASEWORKER', roster);
    const { totalCount, nodes } = await list(caseworker, { code: roster });
    const byId = Object.fromEntries(nodes.map((n) => [n.member.id, n]));
    expect(Object.keys(byId).sort()).toEqual([ids.turnsSixOn31August, ids.turnsSixteenOn1September, ids.droppedOut, ids.onlyLastYear].sort());
    expect(totalCount).toBe(4);
    expect(byId[ids.turnsSixOn31August!]).toMatchObject({ age: 6, reason: 'NO_RECORD', schooling: null, villageCode: roster });
    expect(byId[ids.turnsSixteenOn1September!]).toMatchObject({ age: 15, reason: 'NO_RECORD' });
    expect(byId[ids.droppedOut!]).toMatchObject({ age: 10, reason: 'DROPPED_OUT', schooling: { year: 2020, school: '山坡乡中心学校', stage: 'PRIMARY', status: 'DROPPED_OUT' } });
    expect(byId[ids.onlyLastYear!]).toMatchObject({ age: 8, reason: 'NO_RECORD', schooling: null });
  });

  test('the next year it is another school year: the children who grew into school age and those not yet recorded', async () => {
    const { nodes } = await list(hub.client, { code: roster, year: 2021 });
    // In 2021 the one born on 1 September 2014 is 6, the one born on 1 September 2004 is 16.
    expect(nodes.map((n) => n.member.id)).toEqual(expect.arrayContaining([ids.bornOn1September, ids.enrolled]));
    expect(nodes.map((n) => n.member.id)).not.toContain(ids.turnsSixteenOn1September);
  });

  test('paged by village and household, with a cursor; the county sees the village inside it', async () => {
    const one = await list(hub.client, { code: roster, first: 3 });
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await list(hub.client, { code: roster, first: 3, after: one.pageInfo.endCursor });
    expect(two.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const all = [...one.nodes, ...two.nodes].map((n) => n.member.id);
    expect(new Set(all).size).toBe(4);
    expect(two.totalCount).toBe(4);
    expect(all).toEqual((await list(hub.client, { code: roster, first: 100 })).nodes.map((n) => n.member.id));
    const countyWide = await list(officer, { code: county, first: 100 });
    expect(countyWide.nodes.map((n) => n.member.id)).toEqual(expect.arrayContaining(all));
    expect(errorCode(await hub.client.request(DROPOUTS, { code: roster, year: 2020, after: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  test('one SQL statement per page, and no count when totalCount is not asked', async () => {
    const counted = await education().sql.during(() => list(hub.client, { code: roster, first: 2 }));
    expect(counted.statements).toHaveLength(1);
    const plain = await education().sql.during(() => hub.client.data(`query($c: ID!) { dropouts(regionCode: $c, year: 2020, first: 2) { nodes { age } } }`, { c: roster }));
    expect(plain.statements).toHaveLength(1);
    expect(plain.statements[0]).not.toMatch(/count\(/);
  });

  test('refused outside the jurisdiction (and audited), for other departments, and for a bad region or year', async () => {
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'EDUCATION_AID', 'edu-elsewhere');
    const res = await elsewhere.request(DROPOUTS, { code: roster, year: 2020 });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.dropouts ?? null).toBeNull();
    expect(await sql(`select action, subject_id, outcome from audit_log where actor = 'edu-elsewhere'`)).toEqual([{ action: 'read Query.dropouts', subject_id: roster, outcome: 'REFUSED' }]);
    const health = await hub.as('DEPARTMENT_OFFICER', county, 'HEALTH_INSURANCE');
    expect(errorCode(await health.request(DROPOUTS, { code: roster, year: 2020 }))).toBe('FORBIDDEN');
    expect(errorCode(await hub.client.request(DROPOUTS, { code: '42011', year: 2020 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await hub.client.request(DROPOUTS, { code: roster, year: 2013 }))).toBe('BAD_USER_INPUT');
  });
});

test('a page of 100 households with schooling and grants costs the same SQL as a page of 10', async () => {
  const v = await seed(hub.client).village();
  const households = [];
  for (let i = 0; i < 100; i++) households.push(await family(v, '2012-05-05'));
  await awaitInReplica(education().orm, households.at(-1)!.members[2]!.id);
  for (let i = 0; i < 100; i += 10) {
    await Promise.all(households.slice(i, i + 10).map(async (h) => {
      await officer.data(RECORD_SCHOOLING, { input: schoolingInput(h.members[2]!.id) });
      await officer.data(RECORD_GRANT, { input: grantInput(h.members[2]!.id) });
    }));
  }
  const LIST = `query($code: ID!, $first: Int) { region(code: $code) { households(first: $first) { nodes { id
    members { id schooling(year: 2020) { status } grants(year: 2020) { amount } } } } } }`;
  const statementsFor = async (first: number) => {
    const { result, statements } = await education().sql.during(() => hub.client.data<{ region: any }>(LIST, { code: v, first }));
    const nodes = result.region.households.nodes;
    expect(nodes).toHaveLength(first);
    expect(nodes.every((h: any) => h.members[2].schooling.status === 'ENROLLED' && h.members[2].grants.length === 1 && h.members[0].schooling === null)).toBe(true);
    return statements;
  };
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred.length).toBe(ten.length);
  // member references, schooling, grants
  expect(ten.length).toBeLessThanOrEqual(3);
});

describe('security', () => {
  test('another department may neither write nor read; the refusals are audited by the education department', async () => {
    const h = await family(village, '2012-05-05');
    const other = await hub.as('DEPARTMENT_OFFICER', county, 'HEALTH_INSURANCE', 'health-reads-schools');
    const before = await counts();
    expect(errorCode(await other.request(RECORD_SCHOOLING, { input: schoolingInput(h.members[2]!.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await other.request(RECORD_GRANT, { input: grantInput(h.members[2]!.id) }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const read = await other.request<{ household: { members: { schooling: unknown; grants: unknown }[] } }>(VIEW, { id: h.id, year: 2020 });
    expect(errorCode(read)).toBe('FORBIDDEN');
    expect(read.data?.household.members.every((m) => m.schooling === null && m.grants === null)).toBe(true);
    const refused = await sql(`select action from audit_log where actor = 'health-reads-schools' and outcome = 'REFUSED' order by action`);
    expect(refused.map((r) => r.action)).toEqual(expect.arrayContaining(['read Member.grants', 'read Member.schooling', 'recordGrant', 'recordSchooling']));
  });

  test("the education department's officer of another county cannot write here", async () => {
    const h = await family(village, '2012-05-05');
    await awaitInReplica(education().orm, h.members[2]!.id);
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'EDUCATION_AID');
    const before = await counts();
    expect(errorCode(await elsewhere.request(RECORD_SCHOOLING, { input: schoolingInput(h.members[2]!.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await elsewhere.request(RECORD_GRANT, { input: grantInput(h.members[2]!.id) }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  test("an auditor reads the education department's audit log through the gateway", async () => {
    const auditor = await hub.as('AUDITOR', county);
    const { auditLogs } = await auditor.data<{ auditLogs: { educationAid: { nodes: { action: string; outcome: string }[] } } }>(`{ auditLogs { educationAid(first: 100) { nodes { action outcome } } } }`);
    expect(auditLogs.educationAid.nodes).toEqual(expect.arrayContaining([{ action: 'recordSchooling', outcome: 'ALLOWED' }, { action: 'recordGrant', outcome: 'ALLOWED' }, { action: 'recordSchooling', outcome: 'REFUSED' }]));
  });
});
