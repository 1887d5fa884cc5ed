import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { todayInChina } from '@fupin/kit';
import { awaitInReplica, errorCode, type GraphQLClient, seed, tomorrowInChina } from '@fupin/kit/testing';
import { randomUUID } from 'node:crypto';

// Employment through the gateway, with every subgraph of the hub: employment, trainings and
// industry support (the contract's RecordEmployment and RecordIndustrySupport, the household
// view's fields), refusals that write nothing, the zero-employment rule and the without-work
// list on their edges, batching, who may do what.
let hub: TestGatewayHub;
let officer: GraphQLClient;
let county: string;
let village: string;

// The contract's operations (../shared/contract/operations.graphql), sent as clients send them.
const RECORD_EMPLOYMENT = `mutation RecordEmployment($input: RecordEmploymentInput!) {
  # input: memberId, year, status, monthsWorked, monthlyIncome, employer
  recordEmployment(input: $input) { year status monthlyIncome }
}`;
const RECORD_INDUSTRY_SUPPORT = `mutation RecordIndustrySupport($input: RecordIndustrySupportInput!) {
  # input: householdId, year, kind, amount
  recordIndustrySupport(input: $input) { id kind amount }
}`;
const RECORD_TRAINING = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id course hours certificate trainedOn } }`;
const VIEW = `query($id: ID!, $year: Int) { household(id: $id) {
  members { id employment(year: 2020) { status monthsWorked monthlyIncome employer } trainings(year: $year) { course hours certificate trainedOn } }
  industrySupport(year: $year) { kind amount description }
} }`;
const ZERO = `query($code: ID!, $year: Int!, $first: Int, $after: String) {
  zeroEmploymentHouseholds(regionCode: $code, year: $year, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { household { id } villageCode ableMembers { id } }
  }
}`;
const WITHOUT_WORK = `query($code: ID!, $year: Int!, $first: Int, $after: String) {
  membersWithoutWork(regionCode: $code, year: $year, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { member { id } household { id } villageCode age reason employment { status monthsWorked } }
  }
}`;

const THIS_YEAR = Number(todayInChina().slice(0, 4));
const TOMORROW = tomorrowInChina();

const employment = () => hub.subgraphs['employment']!;
const sql = async (text: string, params: unknown[] = []) => employment().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(text, params);
const counts = async () =>
  (await sql(`select (select count(*) from employment) as employment, (select count(*) from training) as training, (select count(*) from industry_support) as support,
                     (select coalesce(sum(monthly_income), 0) from employment) as income`))[0];
const employmentInput = (memberId: string, over: Record<string, unknown> = {}) => ({
  memberId, year: 2020, status: 'OUT_OF_PROVINCE', monthsWorked: 10, monthlyIncome: 4200, employer: '广东东莞电子厂', ...over,
});
const supportInput = (householdId: string, over: Record<string, unknown> = {}) => ({ householdId, year: 2020, kind: 'COOPERATIVE_SHARE', amount: 800, ...over });
const trainingInput = (memberId: string, over: Record<string, unknown> = {}) => ({ memberId, course: '电工', hours: 80, certificate: '低压电工作业证', trainedOn: '2020-06-30', ...over });

/** A household of people given as [birth date, labor capacity]; the first is the head. */
const household = (villageCode: string, ...people: [string, string][]) =>
  seed(hub.client).household({
    villageCode,
    members: people.map(([birthDate, laborCapacity], i) => ({ relationToHead: i === 0 ? 'HEAD' : i === 1 ? 'SPOUSE' : 'OTHER', gender: i === 1 ? 'FEMALE' : 'MALE', birthDate, laborCapacity })),
  });

beforeAll(async () => {
  hub = await startHub({}, { rosterWaitMs: 1500 });
  county = '420115000000';
  village = await seed(hub.client).village();
  officer = await hub.as('DEPARTMENT_OFFICER', county, 'EMPLOYMENT');
});
afterAll(() => hub?.stop());

test('RecordEmployment: a year per person, recorded again it replaces, exact to the fen; the household view shows it', async () => {
  const h = await household(village, ['1980-02-02', 'ORDINARY'], ['1982-03-03', 'WEAK']);
  const worker = h.members[0]!.id;
  const first = await officer.data<{ recordEmployment: unknown }>(RECORD_EMPLOYMENT, { input: employmentInput(worker, { monthlyIncome: '4200.05' }) });
  expect(first.recordEmployment).toEqual({ year: 2020, status: 'OUT_OF_PROVINCE', monthlyIncome: 4200.05 });
  const again = await officer.data<{ recordEmployment: unknown }>(RECORD_EMPLOYMENT, { input: employmentInput(worker, { status: 'WORKSHOP', monthsWorked: 12, monthlyIncome: 1800.1, employer: null }) });
  expect(again.recordEmployment).toEqual({ year: 2020, status: 'WORKSHOP', monthlyIncome: 1800.1 });
  expect(await sql('select year, status, months_worked, monthly_income, employer from employment where member_id = ?', [worker])).toEqual([
    { year: 2020, status: 'WORKSHOP', months_worked: 12, monthly_income: '1800.10', employer: null },
  ]);
  // UNEMPLOYED is a record too: asked, and without work.
  await officer.data(RECORD_EMPLOYMENT, { input: employmentInput(h.members[1]!.id, { status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0, employer: null }) });

  const caseworker = await hub.as('CASEWORKER', village);
  const { household: view } = await caseworker.data<{ household: { members: { id: string; employment: unknown }[] } }>(VIEW, { id: h.id, year: 2020 });
  expect(view.members.find((m) => m.id === worker)!.employment).toEqual({ status: 'WORKSHOP', monthsWorked: 12, monthlyIncome: 1800.1, employer: null });
  expect(view.members.find((m) => m.id === h.members[1]!.id)!.employment).toEqual({ status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0, employer: null });
  const other = await caseworker.data<{ household: { members: { employment: unknown }[] } }>(`query($id: ID!) { household(id: $id) { members { employment(year: 2021) { status } } } }`, { id: h.id });
  expect(other.household.members.every((m) => m.employment === null)).toBe(true);
});

test('RecordIndustrySupport: measures accumulate per household and year, exact to the fen; industrySupport(year), every year when omitted', async () => {
  const h = await household(village, ['1975-01-01', 'ORDINARY']);
  const a = await officer.data<{ recordIndustrySupport: { id: string; kind: string; amount: number } }>(RECORD_INDUSTRY_SUPPORT, { input: supportInput(h.id, { amount: '800.35' }) });
  expect(a.recordIndustrySupport).toEqual({ id: expect.any(String), kind: 'COOPERATIVE_SHARE', amount: 800.35 });
  const b = await officer.data<{ recordIndustrySupport: { id: string } }>(RECORD_INDUSTRY_SUPPORT, { input: { ...supportInput(h.id, { kind: 'SOLAR_DIVIDEND', amount: 3000 }), description: '村级光伏电站收益' } });
  expect(b.recordIndustrySupport.id).not.toBe(a.recordIndustrySupport.id);
  await officer.data(RECORD_INDUSTRY_SUPPORT, { input: supportInput(h.id, { year: 2021, kind: 'LIVESTOCK', amount: 0 }) });
  expect(await sql('select year, kind, amount from industry_support where household_id = ? order by year, amount', [h.id])).toEqual([
    { year: 2020, kind: 'COOPERATIVE_SHARE', amount: '800.35' },
    { year: 2020, kind: 'SOLAR_DIVIDEND', amount: '3000.00' },
    { year: 2021, kind: 'LIVESTOCK', amount: '0.00' },
  ]);
  const view = async (year: number | null) => (await hub.client.data<{ household: { industrySupport: unknown[] } }>(VIEW, { id: h.id, year })).household.industrySupport;
  expect(await view(2020)).toEqual([
    { kind: 'COOPERATIVE_SHARE', amount: 800.35, description: null },
    { kind: 'SOLAR_DIVIDEND', amount: 3000, description: '村级光伏电站收益' },
  ]);
  expect(await view(2021)).toEqual([{ kind: 'LIVESTOCK', amount: 0, description: null }]);
  expect(await view(2019)).toEqual([]);
  expect(await view(null)).toHaveLength(3);
});

test('recordTraining: trainings accumulate; trainings(year) is the year the course ended, every year when omitted', async () => {
  const h = await household(village, ['1990-01-01', 'SKILLED']);
  const m = h.members[0]!.id;
  const t = await officer.data<{ recordTraining: unknown }>(RECORD_TRAINING, { input: trainingInput(m) });
  expect(t.recordTraining).toEqual({ id: expect.any(String), course: '电工', hours: 80, certificate: '低压电工作业证', trainedOn: '2020-06-30' });
  await officer.data(RECORD_TRAINING, { input: trainingInput(m, { course: '养殖技术', hours: 24, certificate: null, trainedOn: '2021-03-01' }) });
  const view = async (year: number | null) => (await hub.client.data<{ household: { members: { trainings: unknown[] }[] } }>(VIEW, { id: h.id, year })).household.members[0]!.trainings;
  expect(await view(2020)).toEqual([{ course: '电工', hours: 80, certificate: '低压电工作业证', trainedOn: '2020-06-30' }]);
  expect(await view(2021)).toEqual([{ course: '养殖技术', hours: 24, certificate: null, trainedOn: '2021-03-01' }]);
  expect(await view(null)).toHaveLength(2);
});

describe('bad input is refused and writes nothing', () => {
  let adult: string;
  let child: string;
  let householdId: string;
  beforeAll(async () => {
    const h = await household(village, ['1980-02-02', 'ORDINARY'], ['1982-03-03', 'ORDINARY'], ['2006-01-01', 'NONE']);
    adult = h.members[0]!.id;
    child = h.members[2]!.id;
    householdId = h.id;
    await awaitInReplica(employment().orm, child);
  });

  test.each([
    ['employment: 13 months worked', RECORD_EMPLOYMENT, () => employmentInput(adult, { monthsWorked: 13 }), 'BAD_USER_INPUT'],
    ['employment: -1 months worked', RECORD_EMPLOYMENT, () => employmentInput(adult, { monthsWorked: -1 }), 'BAD_USER_INPUT'],
    ['employment: negative income', RECORD_EMPLOYMENT, () => employmentInput(adult, { monthlyIncome: -100 }), 'BAD_USER_INPUT'],
    ['employment: income with three decimals', RECORD_EMPLOYMENT, () => employmentInput(adult, { monthlyIncome: 4200.125 }), 'BAD_USER_INPUT'],
    ['employment: UNEMPLOYED with months worked', RECORD_EMPLOYMENT, () => employmentInput(adult, { status: 'UNEMPLOYED', monthsWorked: 3, monthlyIncome: 0 }), 'BAD_USER_INPUT'],
    ['employment: unknown member', RECORD_EMPLOYMENT, () => employmentInput(randomUUID()), 'NOT_FOUND'],
    ['employment: a member id that is no id', RECORD_EMPLOYMENT, () => employmentInput('nobody'), 'NOT_FOUND'],
    ['employment: a child of 14 at work', RECORD_EMPLOYMENT, () => employmentInput(child), 'BAD_USER_INPUT'],
    ['employment: year 2013', RECORD_EMPLOYMENT, () => employmentInput(adult, { year: 2013 }), 'BAD_USER_INPUT'],
    ['employment: the year after next', RECORD_EMPLOYMENT, () => employmentInput(adult, { year: THIS_YEAR + 2 }), 'BAD_USER_INPUT'],
    ['employment: a status outside the list', RECORD_EMPLOYMENT, () => employmentInput(adult, { status: 'RETIRED' }), 'BAD_USER_INPUT'],
    ['employment: a blank employer', RECORD_EMPLOYMENT, () => employmentInput(adult, { employer: '  ' }), 'BAD_USER_INPUT'],
    ['employment: months worked missing', RECORD_EMPLOYMENT, () => ({ ...employmentInput(adult), monthsWorked: undefined }), 'BAD_USER_INPUT'],
    ['support: negative amount', RECORD_INDUSTRY_SUPPORT, () => supportInput(householdId, { amount: -800 }), 'BAD_USER_INPUT'],
    ['support: three decimals', RECORD_INDUSTRY_SUPPORT, () => supportInput(householdId, { amount: 1.001 }), 'BAD_USER_INPUT'],
    ['support: unknown household', RECORD_INDUSTRY_SUPPORT, () => supportInput(randomUUID()), 'NOT_FOUND'],
    ['support: a member is not a household', RECORD_INDUSTRY_SUPPORT, () => supportInput(adult), 'NOT_FOUND'],
    ['support: a kind outside the list', RECORD_INDUSTRY_SUPPORT, () => supportInput(householdId, { kind: 'LOTTERY' }), 'BAD_USER_INPUT'],
    ['support: year 2013', RECORD_INDUSTRY_SUPPORT, () => supportInput(householdId, { year: 2013 }), 'BAD_USER_INPUT'],
    ['training: no hours', RECORD_TRAINING, () => trainingInput(adult, { hours: 0 }), 'BAD_USER_INPUT'],
    ['training: a year of hours and more', RECORD_TRAINING, () => trainingInput(adult, { hours: 2001 }), 'BAD_USER_INPUT'],
    ['training: no course', RECORD_TRAINING, () => trainingInput(adult, { course: ' ' }), 'BAD_USER_INPUT'],
    ['training: ends tomorrow', RECORD_TRAINING, () => trainingInput(adult, { trainedOn: TOMORROW }), 'BAD_USER_INPUT'],
    ['training: before the registry', RECORD_TRAINING, () => trainingInput(adult, { trainedOn: '2013-12-31' }), 'BAD_USER_INPUT'],
    ['training: unknown member', RECORD_TRAINING, () => trainingInput(randomUUID()), 'NOT_FOUND'],
  ])('%s', async (_name, query, input, code) => {
    const before = await counts();
    const res = await officer.request(query, { input: input() });
    expect(errorCode(res)).toBe(code);
    expect(await counts()).toEqual(before);
  });

  test('the same inputs made right are accepted: the refusals above are about the input', async () => {
    await officer.data(RECORD_EMPLOYMENT, { input: employmentInput(adult, { status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0 }) });
    await officer.data(RECORD_EMPLOYMENT, { input: employmentInput(child, { year: 2022 }) });
    await officer.data(RECORD_INDUSTRY_SUPPORT, { input: supportInput(householdId) });
    await officer.data(RECORD_TRAINING, { input: trainingInput(adult, { hours: 2000 }) });
    expect(await sql('select year from employment where member_id = ?', [child])).toEqual([{ year: 2022 }]);
  });

  test('a year outside 2014..next year is refused on the reads too', async () => {
    for (const field of ['members { employment(year: 2013) { status } }', 'members { trainings(year: 2013) { course } }', 'industrySupport(year: 2013) { kind }']) {
      expect(errorCode(await hub.client.request(`query($id: ID!) { household(id: $id) { ${field} } }`, { id: householdId }))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('the zero-employment rule on its edges (2020: working age is born 1960 to 2004)', () => {
  let place: string;
  let ids: Record<string, { id: string; members: { id: string }[] }>;
  beforeAll(async () => {
    place = await seed(hub.client).village();
    const h = (...people: [string, string][]) => household(place, ...people);
    ids = {
      sixtyOn31December: await h(['1960-12-31', 'ORDINARY'], ['1955-01-01', 'ORDINARY']),
      turns61On31December: await h(['1959-12-31', 'ORDINARY'], ['1959-01-01', 'SKILLED']),
      sixteenOn31December: await h(['1950-05-05', 'ORDINARY'], ['1952-05-05', 'NONE'], ['2004-12-31', 'SKILLED']),
      fifteenOn31December: await h(['1950-05-05', 'ORDINARY'], ['1952-05-05', 'NONE'], ['2005-01-01', 'SKILLED']),
      onlyWeak: await h(['1980-01-01', 'WEAK'], ['1981-01-01', 'LOST']),
      ranger: await h(['1980-01-01', 'ORDINARY'], ['1981-01-01', 'WEAK']),
      publicPost: await h(['1980-01-01', 'SKILLED']),
      unemployed: await h(['1980-01-01', 'ORDINARY']),
      employedLastYear: await h(['1980-01-01', 'ORDINARY']),
      grandfatherRanger: await h(['1980-01-01', 'SKILLED'], ['1981-01-01', 'ORDINARY'], ['1945-01-01', 'WEAK']),
      // "Employed" needs at least one month worked: a job of 0 months employs nobody, one of 1 does.
      zeroMonths: await h(['1980-01-01', 'ORDINARY']),
      oneMonth: await h(['1980-01-01', 'ORDINARY']),
    };
    await awaitInReplica(employment().orm, ids.grandfatherRanger!.members[2]!.id);
    const record = (memberId: string, over: Record<string, unknown>) => officer.data(RECORD_EMPLOYMENT, { input: employmentInput(memberId, over) });
    await record(ids.ranger!.members[1]!.id, { status: 'ECOLOGICAL_RANGER', monthsWorked: 12, monthlyIncome: 833.33, employer: '县林业局' });
    await record(ids.publicPost!.members[0]!.id, { status: 'PUBLIC_WELFARE_POST', monthsWorked: 12, monthlyIncome: 600 });
    await record(ids.unemployed!.members[0]!.id, { status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0, employer: null });
    await record(ids.employedLastYear!.members[0]!.id, { year: 2019 });
    await record(ids.grandfatherRanger!.members[2]!.id, { status: 'ECOLOGICAL_RANGER', monthsWorked: 12, monthlyIncome: 800 });
    await record(ids.zeroMonths!.members[0]!.id, { status: 'LOCAL', monthsWorked: 0, monthlyIncome: 0 });
    await record(ids.oneMonth!.members[0]!.id, { status: 'LOCAL', monthsWorked: 1, monthlyIncome: 2000 });
  });

  const list = async (client: GraphQLClient, variables: Record<string, unknown>) =>
    (await client.data<{ zeroEmploymentHouseholds: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: any[] } }>(ZERO, { year: 2020, ...variables }))
      .zeroEmploymentHouseholds;

  test('exactly the households with an able member of working age and nobody employed, with whom to find work for', async () => {
    const { totalCount, nodes } = await list(await hub.as('CASEWORKER', place), { code: place });
    const byId = Object.fromEntries(nodes.map((n) => [n.household.id, n]));
    const expected = ['sixtyOn31December', 'sixteenOn31December', 'unemployed', 'employedLastYear', 'zeroMonths'];
    expect(Object.keys(byId).sort()).toEqual(expected.map((k) => ids[k]!.id).sort());
    expect(totalCount).toBe(5);
    // 60 on 31 December is of working age, the 65-year-old spouse is not.
    expect(byId[ids.sixtyOn31December!.id]).toEqual({ household: { id: ids.sixtyOn31December!.id }, villageCode: place, ableMembers: [{ id: ids.sixtyOn31December!.members[0]!.id }] });
    // 16 on 31 December is; the head of 70 is not, whatever his labor capacity.
    expect(byId[ids.sixteenOn31December!.id].ableMembers).toEqual([{ id: ids.sixteenOn31December!.members[2]!.id }]);
  });

  test('the next year: those of working age with no record yet, and the ones who turned 16', async () => {
    const { nodes } = await list(hub.client, { code: place, year: 2021 });
    const listed = nodes.map((n) => n.household.id);
    // In 2021 the one born on 1 January 2005 is 16; the ranger and the post were for 2020 only.
    expect(listed).toEqual(expect.arrayContaining([ids.fifteenOn31December!.id, ids.ranger!.id, ids.publicPost!.id, ids.grandfatherRanger!.id]));
    expect(listed).not.toContain(ids.sixtyOn31December!.id);
    expect(listed).not.toContain(ids.onlyWeak!.id);
  });

  test('paged by village and household with a cursor, one statement, counted only when asked', async () => {
    const one = await list(hub.client, { code: place, first: 3 });
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await list(hub.client, { code: place, first: 3, after: one.pageInfo.endCursor });
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect([...one.nodes, ...two.nodes].map((n) => n.household.id)).toEqual((await list(hub.client, { code: place, first: 100 })).nodes.map((n) => n.household.id));
    const counted = await employment().sql.during(() => list(hub.client, { code: place, first: 2 }));
    expect(counted.statements).toHaveLength(1);
    const plain = await employment().sql.during(() => hub.client.data(`query($c: ID!) { zeroEmploymentHouseholds(regionCode: $c, year: 2020, first: 2) { nodes { villageCode } } }`, { c: place }));
    expect(plain.statements).toHaveLength(1);
    expect(plain.statements[0]).not.toMatch(/total_count/);
    const countyWide = await list(officer, { code: county, first: 100 });
    expect(countyWide.totalCount).toBeGreaterThanOrEqual(4);
  });

  test('the without-work list: working-age members with some labor (WEAK included) and no work, with why', async () => {
    const res = await hub.client.data<{ membersWithoutWork: { totalCount: number; nodes: any[] } }>(WITHOUT_WORK, { code: place, year: 2020, first: 100 });
    const byId = Object.fromEntries(res.membersWithoutWork.nodes.map((n) => [n.member.id, n]));
    const m = (k: string, i: number) => ids[k]!.members[i]!.id;
    expect(Object.keys(byId).sort()).toEqual(
      [
        m('sixtyOn31December', 0),
        m('sixteenOn31December', 2),
        m('onlyWeak', 0),
        m('ranger', 0),
        m('unemployed', 0),
        m('employedLastYear', 0),
        m('grandfatherRanger', 0),
        m('grandfatherRanger', 1),
        m('zeroMonths', 0),
      ].sort(),
    );
    expect(res.membersWithoutWork.totalCount).toBe(9);
    expect(byId[m('zeroMonths', 0)]).toMatchObject({ reason: 'NO_MONTHS_WORKED', employment: { status: 'LOCAL', monthsWorked: 0 } });
    expect(byId[m('sixtyOn31December', 0)]).toMatchObject({ age: 60, reason: 'NO_RECORD', employment: null, household: { id: ids.sixtyOn31December!.id }, villageCode: place });
    expect(byId[m('sixteenOn31December', 2)]).toMatchObject({ age: 16 });
    expect(byId[m('unemployed', 0)]).toMatchObject({ reason: 'UNEMPLOYED', employment: { status: 'UNEMPLOYED', monthsWorked: 0 } });
    const plain = await employment().sql.during(() => hub.client.data(WITHOUT_WORK, { code: place, year: 2020, first: 3 }));
    expect(plain.statements).toHaveLength(1);
  });

  test('refused outside the jurisdiction (and audited), for other departments, and for a bad region or year', async () => {
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'EMPLOYMENT', 'empl-elsewhere');
    const res = await elsewhere.request(ZERO, { code: place, year: 2020 });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.zeroEmploymentHouseholds ?? null).toBeNull();
    expect(errorCode(await elsewhere.request(WITHOUT_WORK, { code: place, year: 2020 }))).toBe('FORBIDDEN');
    expect(await sql(`select action, subject_id, outcome from audit_log where actor = 'empl-elsewhere' order by action`)).toEqual([
      { action: 'read Query.membersWithoutWork', subject_id: place, outcome: 'REFUSED' },
      { action: 'read Query.zeroEmploymentHouseholds', subject_id: place, outcome: 'REFUSED' },
    ]);
    const housing = await hub.as('DEPARTMENT_OFFICER', county, 'HOUSING_REPAIR');
    expect(errorCode(await housing.request(ZERO, { code: place, year: 2020 }))).toBe('FORBIDDEN');
    expect(errorCode(await hub.client.request(ZERO, { code: '42011', year: 2020 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await hub.client.request(ZERO, { code: place, year: 2013 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await hub.client.request(WITHOUT_WORK, { code: place, year: THIS_YEAR + 2 }))).toBe('BAD_USER_INPUT');
  });
});

test('a page of 100 households with employment, trainings and industry support costs the same SQL as a page of 10', async () => {
  const v = await seed(hub.client).village();
  const households = [];
  for (let i = 0; i < 100; i++) households.push(await household(v, ['1980-02-02', 'ORDINARY'], ['1982-03-03', 'WEAK']));
  await awaitInReplica(employment().orm, households.at(-1)!.members[1]!.id);
  for (let i = 0; i < 100; i += 10) {
    await Promise.all(
      households.slice(i, i + 10).map(async (h) => {
        await officer.data(RECORD_EMPLOYMENT, { input: employmentInput(h.members[0]!.id) });
        await officer.data(RECORD_TRAINING, { input: trainingInput(h.members[0]!.id) });
        await officer.data(RECORD_INDUSTRY_SUPPORT, { input: supportInput(h.id) });
      }),
    );
  }
  const LIST = `query($code: ID!, $first: Int) { region(code: $code) { households(first: $first) { nodes { id
    industrySupport(year: 2020) { amount } members { id employment(year: 2020) { status } trainings(year: 2020) { hours } } } } } }`;
  const statementsFor = async (first: number) => {
    const { result, statements } = await employment().sql.during(() => hub.client.data<{ region: any }>(LIST, { code: v, first }));
    const nodes = result.region.households.nodes;
    expect(nodes).toHaveLength(first);
    expect(
      nodes.every((h: any) => h.members[0].employment.status === 'OUT_OF_PROVINCE' && h.members[0].trainings.length === 1 && h.members[1].employment === null && h.industrySupport.length === 1),
    ).toBe(true);
    return statements;
  };
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred.length).toBe(ten.length);
  // household references, member references, employment, trainings, industry support
  expect(ten.length).toBeLessThanOrEqual(5);
});

describe('security', () => {
  test('another department may neither write nor read; the refusals are audited by the employment department', async () => {
    const h = await household(village, ['1980-02-02', 'ORDINARY']);
    const other = await hub.as('DEPARTMENT_OFFICER', county, 'HEALTH_INSURANCE', 'health-reads-jobs');
    const before = await counts();
    expect(errorCode(await other.request(RECORD_EMPLOYMENT, { input: employmentInput(h.members[0]!.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await other.request(RECORD_INDUSTRY_SUPPORT, { input: supportInput(h.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await other.request(RECORD_TRAINING, { input: trainingInput(h.members[0]!.id) }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const read = await other.request<{ household: { members: { employment: unknown; trainings: unknown }[]; industrySupport: unknown } }>(VIEW, { id: h.id, year: 2020 });
    expect(errorCode(read)).toBe('FORBIDDEN');
    expect(read.data?.household.members.every((m) => m.employment === null && m.trainings === null)).toBe(true);
    expect(read.data?.household.industrySupport).toBeNull();
    const refused = await sql(`select action from audit_log where actor = 'health-reads-jobs' and outcome = 'REFUSED' order by action`);
    expect(refused.map((r) => r.action)).toEqual(
      expect.arrayContaining(['read Household.industrySupport', 'read Member.employment', 'read Member.trainings', 'recordEmployment', 'recordIndustrySupport', 'recordTraining']),
    );
  });

  test("the employment department's officer of another county cannot write here", async () => {
    const h = await household(village, ['1980-02-02', 'ORDINARY']);
    await awaitInReplica(employment().orm, h.members[0]!.id);
    const elsewhere = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'EMPLOYMENT');
    const before = await counts();
    expect(errorCode(await elsewhere.request(RECORD_EMPLOYMENT, { input: employmentInput(h.members[0]!.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await elsewhere.request(RECORD_INDUSTRY_SUPPORT, { input: supportInput(h.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await elsewhere.request(RECORD_TRAINING, { input: trainingInput(h.members[0]!.id) }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  test('the employment officer reads labor capacity from the registry next to the employment record', async () => {
    const h = await household(village, ['1980-02-02', 'SKILLED']);
    const { household: view } = await officer.data<{ household: { members: { laborCapacity: string; employment: unknown }[] } }>(
      `query($id: ID!) { household(id: $id) { members { laborCapacity employment(year: 2020) { status } } } }`,
      { id: h.id },
    );
    expect(view.members).toEqual([{ laborCapacity: 'SKILLED', employment: null }]);
  });

  test("an auditor reads the employment department's audit log through the gateway", async () => {
    const auditor = await hub.as('AUDITOR', county);
    const { auditLogs } = await auditor.data<{ auditLogs: { employment: { nodes: { action: string; outcome: string }[] } } }>(`{ auditLogs { employment(first: 100) { nodes { action outcome } } } }`);
    expect(auditLogs.employment.nodes).toEqual(
      expect.arrayContaining([
        { action: 'recordEmployment', outcome: 'ALLOWED' },
        { action: 'recordIndustrySupport', outcome: 'ALLOWED' },
        { action: 'recordTraining', outcome: 'ALLOWED' },
        { action: 'recordEmployment', outcome: 'REFUSED' },
      ]),
    );
  });
});
