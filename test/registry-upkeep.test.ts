import { loadSubgraph, makeIdNumber } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplicas, errorCode, seed, type SeededHousehold, tomorrowInChina } from '@fupin/kit/testing';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractOperation } from './support/contract.js';
import { fingerprint } from './support/fingerprint.js';
import { startHub } from './support/hub.js';

// Registry upkeep (动态管理) through the gateway: members join and leave on a date, a household's
// and a member's attributes change on a date, the household reads back as it stood on any day,
// and every rule for year Y reads the household as of 31 December of Y — in the registry and, by
// the roster, in every department.
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;
let village: string;

const ADD = contractOperation('AddMember');
const REMOVE = contractOperation('RemoveMember');
const UPDATE_HOUSEHOLD = contractOperation('UpdateHousehold');
const UPDATE_MEMBER = contractOperation('UpdateMember');
const AS_OF = contractOperation('HouseholdAsOf');
const COVERAGE = `query($id: ID!, $year: Int!) { household(id: $id) { coverage(year: $year) { gaps { kind member { id } } batches { batch covered } } } }`;

type AsOf = { status: string; type: string; safeDrinkingWater: boolean; members: { id: string; name: string; relationToHead: string; laborCapacity: string }[] } | null;
const asOf = async (id: string, date: string) => (await hub.client.data<{ household: { asOf: AsOf } }>(AS_OF, { id, date })).household.asOf;
const write = (query: string, input: Record<string, unknown>) => hub.client.request<Record<string, any>>(query, { input });
const ok = async (query: string, input: Record<string, unknown>) => {
  const res = await write(query, input);
  expect(res.errors ?? []).toEqual([]);
  return res.data!;
};
const gaps = async (id: string, year: number, kind: string) =>
  (await hub.client.data<{ household: { coverage: { gaps: { kind: string; member: { id: string } | null }[] } } }>(COVERAGE, { id, year })).household.coverage.gaps
    .filter((g) => g.kind === kind)
    .map((g) => g.member?.id ?? null)
    .sort();
const enroll = (memberId: string, year: number) =>
  hub.client.data(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, { input: { memberId, year, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 } });

/** Until every department's roster has the member's membership as the registry has it now. */
async function awaitMembership(memberId: string): Promise<void> {
  const registry = hub.subgraphs.households!.orm.em.fork().getConnection();
  const [want] = await registry.execute<{ j: string | null; l: string | null }[]>('select joined_on::text as j, left_on::text as l from member where id = ?', [memberId]);
  for (const sub of Object.values(hub.subgraphs)) {
    if (sub.name === 'households') continue;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [got] = await sub.orm.em.fork().getConnection().execute<{ j: string | null; l: string | null }[]>('select joined_on::text as j, left_on::text as l from roster where member_id = ?', [memberId]);
      if (got && got.j === want!.j && got.l === want!.l) break;
      if (Date.now() > deadline) throw new Error(`${sub.name}: the roster did not receive the membership of ${memberId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function household(members?: { relationToHead: string; birthDate?: string; laborCapacity?: string }[]): Promise<SeededHousehold> {
  const h = await s.household({ villageCode: village, identifiedYear: 2016, ...(members ? { members } : {}) });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  return h;
}

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
  village = await s.village();
});
afterAll(() => hub?.stop());

test('a death: the member counts for the year before and not for the year of death', async () => {
  const h = await household();
  const [head, spouse] = h.members;
  for (const year of [2024, 2025]) await enroll(head!.id, year);
  expect(await gaps(h.id, 2024, 'UNINSURED_MEMBER')).toEqual([spouse!.id]);
  expect(await gaps(h.id, 2025, 'UNINSURED_MEMBER')).toEqual([spouse!.id]);

  const removed = await ok(REMOVE, { memberId: spouse!.id, effectiveDate: '2025-03-10', reason: 'DEATH' });
  expect(removed.removeMember.members).toEqual([{ id: head!.id, relationToHead: 'HEAD' }]);
  await awaitMembership(spouse!.id);
  // Not in the household on 31 December 2025; in it on 31 December 2024.
  expect(await gaps(h.id, 2025, 'UNINSURED_MEMBER')).toEqual([]);
  expect(await gaps(h.id, 2024, 'UNINSURED_MEMBER')).toEqual([spouse!.id]);
  // The row stays, readable with the day it left.
  const { member } = await hub.client.data<{ member: { id: string; leftOn: string } }>(`query($id: ID!) { member(id: $id) { id leftOn } }`, { id: spouse!.id });
  expect(member).toEqual({ id: spouse!.id, leftOn: '2025-03-10' });
  // Leaving twice is refused.
  expect(errorCode(await write(REMOVE, { memberId: spouse!.id, effectiveDate: '2025-04-01', reason: 'OTHER' }))).toBe('BAD_USER_INPUT');
});

test('poverty incidence of a year counts the people in the household on 31 December', async () => {
  const own = await s.village();
  const h = await s.household({ villageCode: own, identifiedYear: 2016 });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  await ok(REMOVE, { memberId: h.members[1]!.id, effectiveDate: '2025-03-10', reason: 'DEATH' });
  await awaitMembership(h.members[1]!.id);
  await hub.figures(2024, 2025);
  const poorPeople = async (year: number) => (await hub.client.data<{ region: { fourZeros: { poorPeople: number } } }>(`query($code: ID!, $year: Int!) { region(code: $code) { fourZeros(year: $year) { poorPeople } } }`, { code: own, year })).region.fourZeros.poorPeople;
  expect([await poorPeople(2024), await poorPeople(2025)]).toEqual([h.members.length, h.members.length - 1]);
});

test("a department's work list of a year counts the members in the household on 31 December", async () => {
  const own = await s.village();
  const h = await s.household({ villageCode: own, identifiedYear: 2016 });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  const [head, spouse] = h.members;
  const withoutWork = async (year: number) =>
    (await hub.client.data<{ membersWithoutWork: { nodes: { member: { id: string } }[] } }>(
      `query($c: ID!, $y: Int!) { membersWithoutWork(regionCode: $c, year: $y) { nodes { member { id } } } }`, { c: own, y: year })).membersWithoutWork.nodes.map((n) => n.member.id).sort();
  expect(await withoutWork(2025)).toEqual([head!.id, spouse!.id].sort());
  await ok(REMOVE, { memberId: spouse!.id, effectiveDate: '2025-08-01', reason: 'MOVED_AWAY' });
  await awaitMembership(spouse!.id);
  expect(await withoutWork(2025)).toEqual([head!.id]);
  expect(await withoutWork(2024)).toEqual([head!.id, spouse!.id].sort());
});

test('a birth: the newborn counts for the year of birth and not for the year before', async () => {
  const h = await household();
  for (const m of h.members) for (const year of [2024, 2025]) await enroll(m.id, year);
  expect(await gaps(h.id, 2025, 'UNINSURED_MEMBER')).toEqual([]);

  const idNumber = s.idNumber('2025-05-01', 'FEMALE');
  const added = await ok(ADD, {
    householdId: h.id, effectiveDate: '2025-05-03', reason: 'BIRTH',
    member: { name: '小红', idNumber, relationToHead: 'CHILD', healthStatus: 'HEALTHY', laborCapacity: 'NONE' },
  });
  const members = added.addMember.members as { id: string; name: string; relationToHead: string }[];
  expect(members.map((m) => m.relationToHead)).toEqual(['HEAD', 'SPOUSE', 'CHILD']);
  const child = members[2]!.id;
  await awaitInReplicas(hub.subgraphs, child);
  await awaitMembership(child);
  expect(await gaps(h.id, 2025, 'UNINSURED_MEMBER')).toEqual([child]);
  expect(await gaps(h.id, 2024, 'UNINSURED_MEMBER')).toEqual([]);
});

test('HouseholdAsOf: the attributes and members as they stood at the end of each day', async () => {
  const h = await household();
  const [head, spouse] = h.members;
  await ok(UPDATE_HOUSEHOLD, { householdId: h.id, effectiveDate: '2024-06-01', reason: '水源污染', safeDrinkingWater: false, type: 'DIBAO' });
  await ok(UPDATE_MEMBER, { memberId: head!.id, effectiveDate: '2024-07-01', reason: '复核劳动能力', laborCapacity: 'WEAK' });
  const moved = await ok(REMOVE, { memberId: head!.id, effectiveDate: '2025-01-15', reason: 'MOVED_AWAY', newHeadId: spouse!.id });
  expect(moved.removeMember.members).toEqual([{ id: spouse!.id, relationToHead: 'HEAD' }]);

  const row = (m: { id: string }, relationToHead: string, laborCapacity: string) => ({ id: m.id, name: expect.any(String), relationToHead, laborCapacity });
  expect(await asOf(h.id, '2024-05-31')).toEqual({ status: 'POOR', type: 'GENERAL', safeDrinkingWater: true, members: [row(head!, 'HEAD', 'ORDINARY'), row(spouse!, 'SPOUSE', 'ORDINARY')] });
  expect(await asOf(h.id, '2024-06-01')).toEqual({ status: 'POOR', type: 'DIBAO', safeDrinkingWater: false, members: [row(head!, 'HEAD', 'ORDINARY'), row(spouse!, 'SPOUSE', 'ORDINARY')] });
  expect((await asOf(h.id, '2024-07-01'))!.members).toEqual([row(head!, 'HEAD', 'WEAK'), row(spouse!, 'SPOUSE', 'ORDINARY')]);
  expect((await asOf(h.id, '2025-01-14'))!.members).toEqual([row(head!, 'HEAD', 'WEAK'), row(spouse!, 'SPOUSE', 'ORDINARY')]);
  expect((await asOf(h.id, '2025-01-15'))!.members).toEqual([row(spouse!, 'HEAD', 'ORDINARY')]);
  // Before it was identified (2016) it was not in the registry.
  expect(await asOf(h.id, '2015-12-31')).toBeNull();
  // Today's household has today's members only.
  const today = await hub.client.data<{ household: { type: string; safeDrinkingWater: boolean; members: { id: string }[]; head: { id: string } } }>(
    `query($id: ID!) { household(id: $id) { type safeDrinkingWater members { id } head { id } } }`, { id: h.id });
  expect(today.household).toEqual({ type: 'DIBAO', safeDrinkingWater: false, members: [{ id: spouse!.id }], head: { id: spouse!.id } });

  // The registry's own rules read the household as of 31 December: unsafe water and the
  // SOCIAL_SECURITY batch (DIBAO) in 2024, neither in 2023.
  expect(await gaps(h.id, 2024, 'UNSAFE_WATER')).toEqual([null]);
  expect(await gaps(h.id, 2023, 'UNSAFE_WATER')).toEqual([]);
  const security = async (year: number) =>
    (await hub.client.data<{ household: { coverage: { batches: { batch: string; covered: boolean }[] } } }>(COVERAGE, { id: h.id, year })).household.coverage.batches.find((b) => b.batch === 'SOCIAL_SECURITY')!.covered;
  expect(await security(2024)).toBe(true);
  expect(await security(2023)).toBe(false);
});

test('a person who left one household may join another from that day, not before', async () => {
  const from = await household();
  const to = await household([{ relationToHead: 'HEAD' }]);
  const bride = from.members[1]!;
  const joining = (effectiveDate: string) => ({
    householdId: to.id, effectiveDate, reason: 'MARRIAGE',
    member: { name: bride.name, idNumber: bride.idNumber, relationToHead: 'SPOUSE', healthStatus: 'HEALTHY', laborCapacity: 'ORDINARY' },
  });
  // Still in a household: refused.
  expect(errorCode(await write(ADD, joining('2024-05-01')))).toBe('BAD_USER_INPUT');
  await ok(REMOVE, { memberId: bride.id, effectiveDate: '2024-05-01', reason: 'MARRIAGE_OUT' });
  expect(errorCode(await write(ADD, joining('2024-04-30')))).toBe('BAD_USER_INPUT');
  const joined = await ok(ADD, joining('2024-05-01'));
  expect(joined.addMember.members.map((m: { relationToHead: string }) => m.relationToHead)).toEqual(['HEAD', 'SPOUSE']);
  // Found by ID number where she is now.
  const found = await hub.client.data<{ memberByIdNumber: { household: { id: string } } }>(`query($n: String!) { memberByIdNumber(idNumber: $n) { household { id } } }`, { n: bride.idNumber });
  expect(found.memberByIdNumber.household.id).toBe(to.id);
});

test('a deaths list keyed by ID number: the matched leave on the day of death, the rest are reported by line', async () => {
  const h = await household();
  const other = await household();
  const stranger = makeIdNumber('420115', '1950-03-03', 881);
  const dir = await mkdtemp(join(tmpdir(), 'fupin-deaths-'));
  try {
    const file = join(dir, 'deaths.csv');
    await writeFile(file, [
      'id_number,died_on',
      `${h.members[1]!.idNumber},2025-02-02`, // 2 matched: the spouse
      `${other.members[0]!.idNumber},2025-02-02`, // 3 the head of a household with others: refused
      `${stranger},2025-02-02`, // 4 not in the registry
      `${other.members[1]!.idNumber},2015-02-02`, // 5 before the household was identified
      `${other.members[1]!.idNumber.slice(0, 17)}${other.members[1]!.idNumber.endsWith('0') ? '1' : '0'},2025-02-02`, // 6 invalid ID number
      '',
    ].join('\n'));
    const spec = (await (await loadSubgraph('households')).def.imports!()).deaths!;
    const report = await runDepartmentImport(spec, 'deaths', {
      databaseUrl: hub.subgraphs.households!.ownerUrl, blindIndex: hub.blindIndex, file, actor: { subject: 'cli:civil-affairs', role: 'ADMIN', regionCode: '000000000000' },
    });
    expect(report).toMatchObject({ rows: 5, matched: 1, written: 1, notInRegistry: 1, invalidIdNumber: 1, invalidRow: 2, duplicated: 0 });
    // line,id_number (masked),problem,detail: by line and problem.
    const lines = (await readFile(report.reportPath, 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
    expect(lines.map(([line, , problem]) => `${line} ${problem}`).sort()).toEqual(['3 INVALID_ROW', '4 NOT_IN_REGISTRY', '5 INVALID_ROW', '6 INVALID_ID_NUMBER']);
    expect(lines.find(([line]) => line === '3')![3]).toMatch(/name the new head/);
    const { member } = await hub.client.data<{ member: { leftOn: string } }>(`query($id: ID!) { member(id: $id) { leftOn } }`, { id: h.members[1]!.id });
    expect(member.leftOn).toBe('2025-02-02');
    const registry = hub.subgraphs.households!.orm.em.fork().getConnection();
    expect(await registry.execute(`select reason, changed_by, effective_date::text as d from member_change where member_id = ?`, [h.members[1]!.id])).toEqual([{ reason: 'DEATH', changed_by: 'cli:civil-affairs', d: '2025-02-02' }]);
    expect((await asOf(h.id, '2025-02-01'))!.members).toHaveLength(2);
    expect((await asOf(h.id, '2025-02-02'))!.members).toHaveLength(1);
    // The departments hear of it through the roster.
    await awaitMembership(h.members[1]!.id);
    expect((await asOf(other.id, '2025-12-31'))!.members).toHaveLength(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('refused with BAD_USER_INPUT, nothing written, the refusal audited', () => {
  // Each case on a household of its own (`h`, head and spouse): one refusal that slipped
  // through cannot make the next case refused for another reason.
  let other: SeededHousehold;
  beforeAll(async () => {
    other = await household();
  });
  // The same number with another check character.
  const spoiled = (n: string) => n.slice(0, 17) + (n[17] === '0' ? '1' : '0');
  const child = (overrides: Record<string, unknown> = {}) => ({ name: '小明', idNumber: s.idNumber('2020-02-02'), relationToHead: 'CHILD', healthStatus: 'HEALTHY', laborCapacity: 'NONE', ...overrides });
  const cases: [string, (h: SeededHousehold) => [string, Record<string, unknown>]][] = [
    ['a second HEAD', (h) => [ADD, { householdId: h.id, effectiveDate: '2024-01-10', reason: 'OTHER', member: child({ relationToHead: 'HEAD', idNumber: s.idNumber('1990-02-02') }) }]],
    ['a second SPOUSE', (h) => [ADD, { householdId: h.id, effectiveDate: '2024-01-10', reason: 'MARRIAGE', member: child({ relationToHead: 'SPOUSE', idNumber: s.idNumber('1990-02-02') }) }]],
    ['a person already in a household', (h) => [ADD, { householdId: h.id, effectiveDate: '2024-01-10', reason: 'OTHER', member: child({ idNumber: other.members[0]!.idNumber, relationToHead: 'SIBLING' }) }]],
    ['an ID number that fails its check', (h) => [ADD, { householdId: h.id, effectiveDate: '2024-01-10', reason: 'BIRTH', member: child({ idNumber: spoiled(s.idNumber('2020-02-02')) }) }]],
    ['a birth dated before the child was born', (h) => [ADD, { householdId: h.id, effectiveDate: '2020-02-01', reason: 'BIRTH', member: child() }]],
    ['a disability grade for a member who is not DISABLED', (h) => [ADD, { householdId: h.id, effectiveDate: '2024-01-10', reason: 'BIRTH', member: child({ disabilityGrade: 2 }) }]],
    ['the head leaving while others stay, with no new head', (h) => [REMOVE, { memberId: h.members[0]!.id, effectiveDate: '2024-01-10', reason: 'DEATH' }]],
    ['a new head who is not of the household', (h) => [REMOVE, { memberId: h.members[0]!.id, effectiveDate: '2024-01-10', reason: 'DEATH', newHeadId: other.members[1]!.id }]],
    ['a new head named when another member leaves', (h) => [REMOVE, { memberId: h.members[1]!.id, effectiveDate: '2024-01-10', reason: 'DEATH', newHeadId: h.members[0]!.id }]],
    ['a join dated in the future', (h) => [ADD, { householdId: h.id, effectiveDate: tomorrowInChina(), reason: 'BIRTH', member: child() }]],
    ['a departure dated in the future', (h) => [REMOVE, { memberId: h.members[1]!.id, effectiveDate: tomorrowInChina(), reason: 'MOVED_AWAY' }]],
    ['a household change dated in the future', (h) => [UPDATE_HOUSEHOLD, { householdId: h.id, effectiveDate: tomorrowInChina(), reason: '改水', safeDrinkingWater: false }]],
    ['a member change dated in the future', (h) => [UPDATE_MEMBER, { memberId: h.members[0]!.id, effectiveDate: tomorrowInChina(), reason: '复核', laborCapacity: 'LOST' }]],
    ['a change dated before the household was identified', (h) => [UPDATE_HOUSEHOLD, { householdId: h.id, effectiveDate: '2015-12-31', reason: '改水', safeDrinkingWater: false }]],
    ['a change that changes nothing', (h) => [UPDATE_HOUSEHOLD, { householdId: h.id, effectiveDate: '2024-01-10', reason: '复核', safeDrinkingWater: true }]],
    ['a grade for a member who is not DISABLED', (h) => [UPDATE_MEMBER, { memberId: h.members[0]!.id, effectiveDate: '2024-01-10', reason: '复核', disabilityGrade: 3 }]],
  ];
  test.each(cases)('%s', async (_name, make) => {
    const [query, input] = make(await s.household({ villageCode: village, identifiedYear: 2016 }));
    const action = /mutation \w+\(\$input: \w+!\) \{\s*(\w+)/.exec(query)![1]!;
    const registry = hub.subgraphs.households!.orm.em.fork().getConnection();
    const refusals = async () => Number((await registry.execute<{ n: string }[]>(`select count(*) as n from audit_log where action = ? and outcome = 'REFUSED'`, [action]))[0]!.n);
    const audited = await refusals();
    const before = await fingerprint(hub, ['households']);
    const res = await write(query, input);
    expect({ code: errorCode(res), data: res.data?.[action] ?? null }).toEqual({ code: 'BAD_USER_INPUT', data: null });
    expect(await fingerprint(hub, ['households'])).toEqual(before);
    expect(await refusals()).toBe(audited + 1);
  });
});
