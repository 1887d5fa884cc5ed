import { signCaller } from '@fupin/kit';
import { errorCode, type GraphQLClient, seed, type SeededHousehold } from '@fupin/kit/testing';
import { registryCounts, startHub } from './support/hub.js';

// The role × jurisdiction matrix over every read path of the registry: root fields, nested
// fields and entity references, plus the write scope of each role.
let hub: Awaited<ReturnType<typeof startHub>>;
let villageA: string, villageB: string, villageC: string;
let hA: SeededHousehold, hB: SeededHousehold, hC: SeededHousehold;
const as: Record<string, GraphQLClient> = {};

const HOUSEHOLD = `query($id: ID!) { household(id: $id) { id householdNumber } }`;
const BASICS = `query($id: ID!) { household(id: $id) { id householdNumber village { code name } members { name maskedIdNumber gender birthDate } } }`;
const ALL = `query($id: ID!) { household(id: $id) { id mainCause incomePerCapita(year: 2020) statusHistory { status } members { healthStatus laborCapacity } } }`;
const LIST = `query($code: ID!) { region(code: $code) { code households(first: 100) { totalCount nodes { id } } } }`;
const TREE = `query($code: ID!) { region(code: $code) { code children { code } } }`;
const BY_ID = `query($idNumber: String!) { memberByIdNumber(idNumber: $idNumber) { id household { id } } }`;
const MEMBER = `query($id: ID!) { member(id: $id) { id name household { id } } }`;
const INCOME = `mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`;

beforeAll(async () => {
  hub = await startHub();
  const s = seed(hub.client);
  villageA = await s.village({ county: '420115000000' });
  villageB = await s.village({ county: '420115000000' });
  villageC = await s.village({ county: '420116000000' });
  hA = await s.household({ villageCode: villageA, members: [{ relationToHead: 'HEAD', healthStatus: 'CHRONIC_ILLNESS' }] });
  hB = await s.household({ villageCode: villageB });
  hC = await s.household({ villageCode: villageC });
  as.caseworkerA = await hub.as('CASEWORKER', villageA);
  as.county = await hub.as('COUNTY_OFFICER', '420115000000');
  as.health = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HEALTH_INSURANCE');
  as.housing = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HOUSING_REPAIR');
  as.auditor = await hub.as('AUDITOR', '420115000000');
  as.admin = await hub.as('ADMIN');
});
afterAll(() => hub?.stop());

describe('a single household outside the jurisdiction is null with FORBIDDEN', () => {
  const cases: [string, () => SeededHousehold, boolean][] = [
    ['caseworkerA', () => hA, true], ['caseworkerA', () => hB, false], ['caseworkerA', () => hC, false],
    ['county', () => hA, true], ['county', () => hB, true], ['county', () => hC, false],
    ['health', () => hB, true], ['health', () => hC, false],
    ['auditor', () => hA, true], ['auditor', () => hC, false],
    ['admin', () => hC, true],
  ];
  test.each(cases)('%s reading a household: allowed=%s', async (who, household, allowed) => {
    const res = await as[who]!.request<{ household: { id: string } | null }>(HOUSEHOLD, { id: household().id });
    if (allowed) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.household!.id).toBe(household().id);
    } else {
      expect(res.data!.household).toBeNull();
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
  });

  test('members: by id, by ID number, and through their household', async () => {
    const outside = await as.caseworkerA!.request<{ member: unknown }>(MEMBER, { id: hB.members[0]!.id });
    expect(outside.data!.member).toBeNull();
    expect(errorCode(outside)).toBe('FORBIDDEN');
    const byNumber = await as.caseworkerA!.request<{ memberByIdNumber: unknown }>(BY_ID, { idNumber: hB.members[0]!.idNumber });
    expect(byNumber.data!.memberByIdNumber).toBeNull();
    expect(errorCode(byNumber)).toBe('FORBIDDEN');
    const inside = await as.caseworkerA!.data<{ member: { household: { id: string } } }>(MEMBER, { id: hA.members[0]!.id });
    expect(inside.member.household.id).toBe(hA.id);
  });
});

describe('lists leave out and counts do not count what the caller may not see', () => {
  test('a caseworker listing the county sees only their village', async () => {
    const { region } = await as.caseworkerA!.data<{ region: { households: { totalCount: number; nodes: { id: string }[] } } }>(LIST, { code: '420115000000' });
    expect(region.households.totalCount).toBe(1);
    expect(region.households.nodes.map((n) => n.id)).toEqual([hA.id]);
  });

  test('a county officer lists both villages of the county, nothing of the next county', async () => {
    const { region } = await as.county!.data<{ region: { households: { totalCount: number; nodes: { id: string }[] } } }>(LIST, { code: '420115000000' });
    expect(region.households.nodes.map((n) => n.id).sort()).toEqual([hA.id, hB.id].sort());
    expect(region.households.totalCount).toBe(2);
    const next = await as.county!.request(LIST, { code: '420116000000' });
    expect(errorCode(next)).toBe('FORBIDDEN');
  });

  test('regions: ancestors are visible by name, siblings are not listed', async () => {
    const { region } = await as.caseworkerA!.data<{ region: { children: { code: string }[] } }>(TREE, { code: '420115000000' });
    expect(region.children.map((c) => c.code)).toEqual([`${villageA.slice(0, 9)}000`]);
    expect(villageB.slice(0, 9)).not.toBe(villageA.slice(0, 9));
    const sibling = await as.caseworkerA!.request(TREE, { code: `${villageB.slice(0, 9)}000` });
    expect(errorCode(sibling)).toBe('FORBIDDEN');
  });
});

describe('entity references apply the jurisdiction inside the subgraph', () => {
  test('_entities for a caseworker: their household resolves, the others are null with FORBIDDEN', async () => {
    const direct = hub.subgraphs.households!.as({ subject: 'cw', role: 'CASEWORKER', regionCode: villageA });
    const res = await direct.request<{ _entities: ({ id: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { id } ... on Member { id } } }`,
      { r: [{ __typename: 'Household', id: hA.id }, { __typename: 'Household', id: hB.id }, { __typename: 'Member', id: hC.members[0]!.id }] },
    );
    expect(res.data!._entities).toEqual([{ id: hA.id }, null, null]);
    expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('department officers read registry basics only', () => {
  test('names, masked IDs and the village are readable', async () => {
    for (const who of ['health', 'housing']) {
      const res = await as[who]!.request<{ household: { members: { maskedIdNumber: string }[] } }>(BASICS, { id: hA.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.household.members[0]!.maskedIdNumber).toMatch(/^\d{6}\*{8}\w{4}$/);
    }
  });

  test('income, causes and history are not; health data only for the health department', async () => {
    const housing = await as.housing!.request<{ household: Record<string, unknown> & { members: Record<string, unknown>[] } }>(ALL, { id: hA.id });
    expect(housing.data!.household).toMatchObject({ id: hA.id, mainCause: null, incomePerCapita: null, statusHistory: null, members: [{ healthStatus: null, laborCapacity: null }] });
    expect(new Set(housing.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['FORBIDDEN']));
    expect(housing.errors!.map((e) => e.path!.at(-1)).sort()).toEqual(['healthStatus', 'incomePerCapita', 'laborCapacity', 'mainCause', 'statusHistory']);

    const health = await as.health!.request<{ household: { members: { healthStatus: string }[] } }>(ALL, { id: hA.id });
    expect(health.data!.household.members[0]!.healthStatus).toBe('CHRONIC_ILLNESS');
    const caseworker = await as.caseworkerA!.request(ALL, { id: hA.id });
    expect(caseworker.errors).toBeUndefined();
  });
});

describe('write scope', () => {
  const income = (h: () => SeededHousehold) => ({ input: { householdId: h().id, year: 2020, incomePerCapita: 5000 } });
  test.each<[string, () => SeededHousehold, string | null]>([
    ['caseworkerA', () => hA, null],
    ['caseworkerA', () => hB, 'FORBIDDEN'],
    ['county', () => hB, null],
    ['county', () => hC, 'FORBIDDEN'],
    ['health', () => hA, 'FORBIDDEN'],
    ['auditor', () => hA, 'FORBIDDEN'],
  ])('%s recording income: %s', async (who, household, refusal) => {
    const before = await registryCounts(hub);
    const res = await as[who]!.request(INCOME, income(household));
    if (refusal === null) {
      expect(res.errors).toBeUndefined();
    } else {
      expect(errorCode(res)).toBe(refusal);
      expect(await registryCounts(hub)).toEqual(before);
    }
  });

  test('only the county office and ADMIN register, and only inside their region', async () => {
    const s = seed(hub.client);
    const register = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`;
    const region = `mutation($input: RegisterRegionInput!) { registerRegion(input: $input) { code } }`;
    const before = await registryCounts(hub);
    for (const who of ['caseworkerA', 'health', 'auditor']) {
      expect(errorCode(await as[who]!.request(register, { input: s.householdInput({ villageCode: villageA }) }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await as.county!.request(register, { input: s.householdInput({ villageCode: villageC }) }))).toBe('FORBIDDEN');
    expect(errorCode(await as.county!.request(region, { input: { code: '420116555000', name: 'x' } }))).toBe('FORBIDDEN');
    expect(errorCode(await as.caseworkerA!.request(region, { input: { code: `${villageA.slice(0, 9)}777`, name: 'x' } }))).toBe('FORBIDDEN');
    expect(await registryCounts(hub)).toEqual(before);
    const ok = await as.county!.request(register, { input: s.householdInput({ villageCode: villageB }) });
    expect(ok.errors).toBeUndefined();
  });

  test('caller headers a client forges are replaced by the gateway', async () => {
    const forged = signCaller({ subject: 'mallory', role: 'ADMIN', regionCode: '000000000000' }, 'guess-guess-guess-guess-guess-guess', { method: 'POST', path: '/graphql', service: 'households', body: '' });
    const res = await as.caseworkerA!.request(HOUSEHOLD, { id: hC.id }, forged);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
