import { checkCharacter, makeIdNumber } from '@fupin/kit';
import { errorCode, meetExitStandard, seed, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { registryCounts, startHub } from './support/hub.js';

// The registry operations of ../shared/contract/operations.graphql, sent as clients send them.
const REGISTER_REGION = `mutation RegisterRegion($input: RegisterRegionInput!) {
  registerRegion(input: $input) { code name level parent { code } isPovertyVillage } }`;
const REGISTER_HOUSEHOLD = `mutation RegisterHousehold($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) {
    id householdNumber status type
    village { code }
    members { id name maskedIdNumber gender birthDate relationToHead } } }`;
const RECORD_INCOME = `mutation RecordIncome($input: RecordIncomeInput!, $year: Int!) {
  recordIncome(input: $input) { id incomePerCapita(year: $year) } }`;
const CHANGE_STATUS = `mutation ChangeHouseholdStatus($input: ChangeHouseholdStatusInput!) {
  changeHouseholdStatus(input: $input) { id status statusHistory { status effectiveDate reason } } }`;
const PROPOSE = `mutation ProposeStatusChange($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id toStatus step noticeEndsOn } }`;
const REGION = `query Region($code: ID!) {
  region(code: $code) { code name level isPovertyVillage parent { code name } children { code name level } } }`;
const VILLAGE_HOUSEHOLDS = `query VillageHouseholds($code: ID!, $first: Int, $after: String, $status: PovertyStatus) {
  region(code: $code) {
    households(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id householdNumber status type head { name maskedIdNumber } } } } }`;
const MEMBER_BY_ID_NUMBER = `query MemberByIdNumber($idNumber: String!) {
  memberByIdNumber(idNumber: $idNumber) { id name household { id householdNumber } } }`;

let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
});
afterAll(() => hub?.stop());

/** Sends an operation that must be refused and proves it wrote nothing. */
async function refused(query: string, variables: Record<string, unknown>, code = 'BAD_USER_INPUT') {
  const before = await registryCounts(hub);
  const res = await hub.client.request(query, variables);
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(errorCode(res)).toBe(code);
  expect(await registryCounts(hub)).toEqual(before);
  return res;
}

describe('regions', () => {
  test('registers a chain down to a village; level and parent come from the code', async () => {
    for (const [code, name] of [['610000000000', '陕西省'], ['610800000000', '榆林市'], ['610824000000', '靖边县'], ['610824100000', '张家畔镇']]) {
      await hub.client.data(REGISTER_REGION, { input: { code, name } });
    }
    const { registerRegion } = await hub.client.data<{ registerRegion: Record<string, unknown> }>(REGISTER_REGION, {
      input: { code: '610824100201', name: '杨桥畔村', isPovertyVillage: true },
    });
    expect(registerRegion).toEqual({ code: '610824100201', name: '杨桥畔村', level: 'VILLAGE', parent: { code: '610824100000' }, isPovertyVillage: true });

    const { region } = await hub.client.data<{ region: Record<string, unknown> }>(REGION, { code: '610824000000' });
    expect(region).toEqual({
      code: '610824000000', name: '靖边县', level: 'COUNTY', isPovertyVillage: false,
      parent: { code: '610800000000', name: '榆林市' },
      children: [{ code: '610824100000', name: '张家畔镇', level: 'TOWNSHIP' }],
    });
  });

  test('an unknown region is null', async () => {
    const { region } = await hub.client.data<{ region: unknown }>(REGION, { code: '610824999000' });
    expect(region).toBeNull();
  });

  test.each([
    ['a code that is not 12 digits', { code: '61082410', name: 'x' }],
    ['a zero group above a non-zero group', { code: '610800000201', name: 'x' }],
    ['the whole country', { code: '000000000000', name: '中国' }],
    ['a region registered twice', { code: '610824000000', name: '靖边县' }],
    ['a region whose parent is not registered', { code: '610824300201', name: '无父村' }],
    ['a poverty flag on a township', { code: '610824100000', name: 'x', isPovertyVillage: true }],
    ['an empty name', { code: '610824100202', name: '  ' }],
  ])('refuses %s', async (_what, input) => {
    await refused(REGISTER_REGION, { input });
  });
});

describe('households', () => {
  let village: string;
  beforeAll(async () => {
    village = await s.village({ isPovertyVillage: true });
  });

  test('registers a household; members carry masked ID numbers and derived gender and birth date', async () => {
    const head = makeIdNumber('420115', '1975-03-09', 123); // odd sequence: male
    const spouse = makeIdNumber('420115', '1978-11-30', 246).toLowerCase(); // a lowercase x reads as X
    const input = s.householdInput({
      villageCode: village,
      members: [
        { name: '王建国', idNumber: head, relationToHead: 'HEAD', healthStatus: 'CHRONIC_ILLNESS' },
        { name: '刘春花', idNumber: spouse, relationToHead: 'SPOUSE', healthStatus: 'DISABLED', disabilityGrade: 2 },
      ],
    });
    const { registerHousehold: h } = await hub.client.data<{ registerHousehold: any }>(REGISTER_HOUSEHOLD, { input });
    expect(h).toMatchObject({ householdNumber: input.householdNumber, status: 'POOR', type: 'GENERAL', village: { code: village } });
    expect(h.members).toEqual([
      { id: expect.any(String), name: '王建国', maskedIdNumber: `420115********${head.slice(-4)}`, gender: 'MALE', birthDate: '1975-03-09', relationToHead: 'HEAD' },
      { id: expect.any(String), name: '刘春花', maskedIdNumber: `420115********${spouse.slice(-4).toUpperCase()}`, gender: 'FEMALE', birthDate: '1978-11-30', relationToHead: 'SPOUSE' },
    ]);
    // At rest: no plain text anywhere in the row; the ciphertext opens with the hub's key.
    const [row] = await hub.subgraphs.households!.orm.em.fork().getConnection().execute(`select row_to_json(m)::text as j, id_number_encrypted from member m where id = ?`, [h.members[0].id]);
    expect(row.j).not.toContain(head);
    expect(hub.pii.decrypt(row.id_number_encrypted)).toBe(head);
    // The raw number is not a field a client can ask for.
    const raw = await hub.client.request(`query($id: ID!) { member(id: $id) { idNumber } }`, { id: h.members[0].id });
    expect(errorCode(raw)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('finds a member by ID number (lowercase x too) and reaches the household', async () => {
    const h = await s.household({ villageCode: village });
    const { memberByIdNumber } = await hub.client.data<{ memberByIdNumber: any }>(MEMBER_BY_ID_NUMBER, { idNumber: h.members[1]!.idNumber.toLowerCase() });
    expect(memberByIdNumber).toEqual({ id: h.members[1]!.id, name: h.members[1]!.name, household: { id: h.id, householdNumber: h.householdNumber } });
    const none = await hub.client.data<{ memberByIdNumber: unknown }>(MEMBER_BY_ID_NUMBER, { idNumber: makeIdNumber('420115', '1990-01-01', 999) });
    expect(none.memberByIdNumber).toBeNull();
    await refused(MEMBER_BY_ID_NUMBER, { idNumber: '42011519900101999' + (checkCharacter('42011519900101999') === '1' ? '2' : '1') });
  });

  describe('refusals write nothing', () => {
    const bad = (mutate: (input: ReturnType<typeof s.householdInput>) => void) => {
      const input = s.householdInput({ villageCode: village });
      mutate(input);
      return input;
    };
    const idWithWrongCheck = () => {
      const good = s.idNumber();
      return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    };

    test.each<[string, (i: any) => void]>([
      ['an ID number failing its check character', (i) => (i.members[0].idNumber = idWithWrongCheck())],
      ['an impossible birth date', (i) => (i.members[0].idNumber = makeIdNumber('420115', '1980-02-30', 11))],
      ['a birth date in the future', (i) => (i.members[0].idNumber = makeIdNumber('420115', '2099-01-01', 11))],
      ['no HEAD', (i) => (i.members[0].relationToHead = 'CHILD')],
      ['two HEADs', (i) => (i.members[1].relationToHead = 'HEAD')],
      ['two SPOUSEs', (i) => i.members.push({ ...s.member({ relationToHead: 'SPOUSE' }) })],
      ['the same person twice', (i) => (i.members[1].idNumber = i.members[0].idNumber)],
      ['a disability grade for a healthy member', (i) => (i.members[0].disabilityGrade = 2)],
      ['a disability grade outside 1-4', (i) => Object.assign(i.members[0], { healthStatus: 'DISABLED', disabilityGrade: 5 })],
      ['a year identified before 2014', (i) => (i.identifiedYear = 2013)],
      ['no members', (i) => (i.members = [])],
    ])('refuses %s', async (_what, mutate) => {
      await refused(REGISTER_HOUSEHOLD, { input: bad(mutate) });
    });

    test('refuses an enum value outside its list', async () => {
      await refused(REGISTER_HOUSEHOLD, { input: bad((i) => (i.mainCause = 'LAZINESS')) });
    });

    test('refuses a person already in a household', async () => {
      const existing = await s.household({ villageCode: village });
      await refused(REGISTER_HOUSEHOLD, { input: bad((i) => (i.members[1].idNumber = existing.members[0]!.idNumber)) });
    });

    test('refuses a duplicate household number', async () => {
      const existing = await s.household({ villageCode: village });
      await refused(REGISTER_HOUSEHOLD, { input: bad((i) => (i.householdNumber = existing.householdNumber)) });
    });

    test('refuses a household outside a VILLAGE, and an unknown village', async () => {
      await refused(REGISTER_HOUSEHOLD, { input: bad((i) => (i.villageCode = `${village.slice(0, 9)}000`)) });
      await refused(REGISTER_HOUSEHOLD, { input: bad((i) => (i.villageCode = `${village.slice(0, 9)}998`)) }, 'NOT_FOUND');
    });
  });
});

describe('income and status', () => {
  let village: string;
  beforeAll(async () => {
    village = await s.village();
  });

  test('records income exactly; recorded again for the year, it replaces', async () => {
    const h = await s.household({ villageCode: village });
    const first = await hub.client.data<{ recordIncome: any }>(RECORD_INCOME, { input: { householdId: h.id, year: 2019, incomePerCapita: 3747.1 }, year: 2019 });
    expect(first.recordIncome).toEqual({ id: h.id, incomePerCapita: 3747.1 });
    const again = await hub.client.data<{ recordIncome: any }>(RECORD_INCOME, { input: { householdId: h.id, year: 2019, incomePerCapita: '4100.35' }, year: 2019 });
    expect(again.recordIncome.incomePerCapita).toBe(4100.35);
    const rows = await hub.subgraphs.households!.orm.em.fork().getConnection().execute(`select income_per_capita::text as v from household_income where household_id = ?`, [h.id]);
    expect(rows).toEqual([{ v: '4100.35' }]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a negative amount', { year: 2019, incomePerCapita: -1 }, 'BAD_USER_INPUT'],
    ['more than two decimals', { year: 2019, incomePerCapita: 1.234 }, 'BAD_USER_INPUT'],
    ['a year before 2014', { year: 2013, incomePerCapita: 100 }, 'BAD_USER_INPUT'],
    ['a year after next year', { year: 2099, incomePerCapita: 100 }, 'BAD_USER_INPUT'],
  ])('refuses income with %s', async (_what, fields, code) => {
    const h = await s.household({ villageCode: village });
    await refused(RECORD_INCOME, { input: { householdId: h.id, ...fields }, year: 2019 }, code);
  });

  test('refuses income for an unknown household', async () => {
    await refused(RECORD_INCOME, { input: { householdId: '00000000-0000-4000-8000-000000000000', year: 2019, incomePerCapita: 1 }, year: 2019 }, 'NOT_FOUND');
  });

  test('status history: registration writes POOR on 1 January; exit needs income at the line (and every other guarantee), and its procedure', async () => {
    const h = await s.household({ villageCode: village, identifiedYear: 2015 });
    const lift = { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2019-12-20', reason: '两不愁三保障达标' };
    await meetExitStandard(hub.client, h, 2019, 3746.99);
    // One fen below the line of 2019 (3747): the exit standard is not met, and nothing is written.
    const res = await refused(PROPOSE, { input: lift }, 'EXIT_STANDARD_NOT_MET');
    expect(res.errors![0]!.extensions!.gaps).toEqual(['INCOME_BELOW_LINE']);
    await hub.client.data(RECORD_INCOME, { input: { householdId: h.id, year: 2019, incomePerCapita: 3747 }, year: 2019 });
    // Not made directly any more: it goes through its procedure.
    await refused(CHANGE_STATUS, { input: { householdId: h.id, status: 'LIFTED', effectiveDate: '2019-12-20', reason: '两不愁三保障达标' } }, 'PROCEDURE_REQUIRED');

    await throughProcedure(hub, h.id, 'LIFTED', '2019-12-20', '两不愁三保障达标');
    await throughProcedure(hub, h.id, 'RELAPSED', '2020-06-01', '因病返贫');
    const { household } = await hub.client.data<{ household: any }>(`query($id: ID!) { household(id: $id) { id status statusHistory { status effectiveDate reason } } }`, { id: h.id });
    expect(household).toEqual({
      id: h.id,
      status: 'RELAPSED',
      statusHistory: [
        { status: 'POOR', effectiveDate: '2015-01-01', reason: expect.any(String) },
        { status: 'LIFTED', effectiveDate: '2019-12-20', reason: '两不愁三保障达标' },
        { status: 'RELAPSED', effectiveDate: '2020-06-01', reason: '因病返贫' },
      ],
    });
  });

  test('refuses an exit while the household has no safe drinking water', async () => {
    const h = await s.household({ villageCode: village, safeDrinkingWater: false });
    await meetExitStandard(hub.client, h);
    const res = await refused(PROPOSE, { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-01', reason: 'x' } }, 'EXIT_STANDARD_NOT_MET');
    expect(res.errors![0]!.extensions!.gaps).toEqual(['UNSAFE_WATER']);
  });

  test.each<[string, (id: string) => Record<string, unknown>, string]>([
    ['a change the rules do not allow (POOR -> MONITORED)', (id) => ({ householdId: id, toStatus: 'MONITORED', effectiveDate: '2020-01-01', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an effective date in the future', (id) => ({ householdId: id, toStatus: 'LIFTED', effectiveDate: '2999-01-01', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an effective date before the last change', (id) => ({ householdId: id, toStatus: 'LIFTED', effectiveDate: '2015-06-01', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an impossible date', (id) => ({ householdId: id, toStatus: 'LIFTED', effectiveDate: '2020-02-30', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an empty reason', (id) => ({ householdId: id, toStatus: 'LIFTED', effectiveDate: '2020-01-01', reason: ' ' }), 'BAD_USER_INPUT'],
    ['an unknown household', () => ({ householdId: '00000000-0000-4000-8000-000000000000', toStatus: 'LIFTED', effectiveDate: '2020-01-01', reason: 'x' }), 'NOT_FOUND'],
  ])('refuses a proposal with %s', async (_what, input, code) => {
    const h = await s.household({ villageCode: village, identifiedYear: 2016 });
    await refused(PROPOSE, { input: input(h.id) }, code);
  });

  test.each<[string, (id: string) => Record<string, unknown>, string]>([
    ['a change the rules do not allow (POOR -> MONITORED)', (id) => ({ householdId: id, status: 'MONITORED', effectiveDate: '2020-01-01', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an exit (POOR -> LIFTED)', (id) => ({ householdId: id, status: 'LIFTED', effectiveDate: '2020-01-01', reason: 'x' }), 'PROCEDURE_REQUIRED'],
    ['a removal (POOR -> REMOVED)', (id) => ({ householdId: id, status: 'REMOVED', effectiveDate: '2020-01-01', reason: 'x' }), 'PROCEDURE_REQUIRED'],
    ['an effective date in the future', (id) => ({ householdId: id, status: 'LIFTED', effectiveDate: '2999-01-01', reason: 'x' }), 'BAD_USER_INPUT'],
    ['an unknown household', () => ({ householdId: '00000000-0000-4000-8000-000000000000', status: 'LIFTED', effectiveDate: '2020-01-01', reason: 'x' }), 'NOT_FOUND'],
  ])('refuses a direct change with %s', async (_what, input, code) => {
    const h = await s.household({ villageCode: village, identifiedYear: 2016 });
    await refused(CHANGE_STATUS, { input: input(h.id) }, code);
  });

  test('the status history is append-only in the database itself', async () => {
    const h = await s.household({ villageCode: village });
    const conn = hub.subgraphs.households!.orm.em.fork().getConnection();
    await expect(conn.execute(`update household_status_change set reason = 'rewritten' where household_id = ?`, [h.id])).rejects.toThrow(/append-only|permission denied/);
    await expect(conn.execute(`delete from household_status_change where household_id = ?`, [h.id])).rejects.toThrow(/append-only|permission denied/);
  });
});

describe('village lists', () => {
  test('pages by household number with totalCount, cursors that survive inserts, and a status filter', async () => {
    const village = await s.village();
    const numbers = ['A-0003', 'A-0001', 'A-0005', 'A-0002', 'A-0004'].map((n) => `${village}${n}`);
    const ids: Record<string, string> = {};
    const seeded: Record<string, SeededHousehold> = {};
    for (const householdNumber of numbers) ids[householdNumber] = (seeded[householdNumber] = await s.household({ villageCode: village, householdNumber })).id;

    const page1 = await hub.client.data<{ region: any }>(VILLAGE_HOUSEHOLDS, { code: village, first: 2 });
    const c1 = page1.region.households;
    expect(c1.totalCount).toBe(5);
    expect(c1.nodes.map((n: any) => n.householdNumber)).toEqual([`${village}A-0001`, `${village}A-0002`]);
    expect(c1.nodes[0]).toMatchObject({ status: 'POOR', type: 'GENERAL', head: { name: '张三', maskedIdNumber: expect.stringMatching(/^420115\*{8}\w{4}$/) } });
    expect(c1.pageInfo.hasNextPage).toBe(true);

    // A household added before the cursor does not shift the next page.
    await s.household({ villageCode: village, householdNumber: `${village}A-0000` });
    const page2 = await hub.client.data<{ region: any }>(VILLAGE_HOUSEHOLDS, { code: village, first: 2, after: c1.pageInfo.endCursor });
    expect(page2.region.households.nodes.map((n: any) => n.householdNumber)).toEqual([`${village}A-0003`, `${village}A-0004`]);
    expect(page2.region.households.totalCount).toBe(6);
    const page3 = await hub.client.data<{ region: any }>(VILLAGE_HOUSEHOLDS, { code: village, first: 2, after: page2.region.households.pageInfo.endCursor });
    expect(page3.region.households.nodes.map((n: any) => n.householdNumber)).toEqual([`${village}A-0005`]);
    expect(page3.region.households.pageInfo.hasNextPage).toBe(false);

    await hub.client.data(RECORD_INCOME, { input: { householdId: ids[`${village}A-0002`], year: 2020, incomePerCapita: 5000 }, year: 2020 });
    await meetExitStandard(hub.client, seeded[`${village}A-0002`]!);
    await throughProcedure(hub, ids[`${village}A-0002`]!, 'LIFTED', '2020-11-30');
    const lifted = await hub.client.data<{ region: any }>(VILLAGE_HOUSEHOLDS, { code: village, status: 'LIFTED' });
    expect(lifted.region.households.totalCount).toBe(1);
    expect(lifted.region.households.nodes.map((n: any) => n.householdNumber)).toEqual([`${village}A-0002`]);

    // A county lists the households of every village below it.
    const county = await hub.client.data<{ region: any }>(VILLAGE_HOUSEHOLDS, { code: `${village.slice(0, 6)}000000`, first: 100 });
    expect(county.region.households.nodes.map((n: any) => n.householdNumber)).toEqual(expect.arrayContaining(numbers));
  });

  test('refuses first above 100 and a cursor it did not make', async () => {
    const village = await s.village();
    expect(errorCode(await hub.client.request(VILLAGE_HOUSEHOLDS, { code: village, first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await hub.client.request(VILLAGE_HOUSEHOLDS, { code: village, after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
  });
});
