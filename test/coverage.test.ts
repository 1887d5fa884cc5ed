import { type Caller, COVERAGE_BATCH_LIMIT, COVERAGE_PATH, signCaller } from '@fupin/kit';
import { randomUUID } from 'node:crypto';
import { awaitInReplica, errorCode, type GraphQLClient, seed, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';

// 两不愁三保障 and 五个一批 through the gateway: coverage computed now from the registry's and
// each department's own data, every gap rule on its edges, the batches, an exit allowed (with
// its evidence) and refused, and the statements a page of households costs.
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;
let village: string;

// The contract's operation, as clients send it.
const COVERAGE = `query HouseholdCoverage($id: ID!, $year: Int!) {
  household(id: $id) {
    coverage(year: $year) { batches { batch covered } gaps { kind member { id } } exitEligible }
  }
}`;
const FULL = `query($id: ID!, $year: Int!) { household(id: $id) { coverage(year: $year) {
  year exitEligible assessedAt
  batches { batch covered coveredBy sources }
  gaps { kind member { id name } detail source asOf }
  consulted { source consulted asOf unavailableReason }
} } }`;
// An exit is judged when it is proposed (and again when the county decides it).
const PROPOSE = `mutation ProposeStatusChange($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id toStatus step noticeEndsOn } }`;

type Gap = { kind: string; member: { id: string } | null };
interface Coverage {
  batches: { batch: string; covered: boolean | null; coveredBy?: string[] }[];
  gaps: (Gap & { detail?: string; source?: string })[];
  exitEligible: boolean;
  consulted?: { source: string; consulted: boolean; asOf: string | null; unavailableReason: string | null }[];
}

const coverage = async (id: string, year = 2020, client: GraphQLClient = hub.client, query = FULL) =>
  (await client.data<{ household: { coverage: Coverage } }>(query, { id, year })).household.coverage;
const kinds = (c: Coverage) => c.gaps.map((g) => g.kind).sort();
const batch = (c: Coverage, name: string) => c.batches.find((b) => b.batch === name)!.covered;

const m = (query: string, input: Record<string, unknown>) => hub.client.data(query, { input });
const income = (householdId: string, year: number, incomePerCapita: number | string) =>
  m(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { householdId, year, incomePerCapita });
const enroll = (memberId: string, year = 2020) =>
  m(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, { memberId, year, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 });
const claim = (memberId: string, date: string, totalCost: number, outOfPocket: number, assistancePaid = 0) =>
  m(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
    memberId, date, hospital: '县人民医院', kind: 'INPATIENT', totalCost, basicPaid: totalCost - outOfPocket - assistancePaid, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid, oneStop: true,
  });
const schooling = (memberId: string, status = 'ENROLLED', year = 2020) =>
  m(`mutation($input: RecordSchoolingInput!) { recordSchooling(input: $input) { year } }`, { memberId, year, stage: 'PRIMARY', school: '中心学校', status });
const grant = (memberId: string, paidOn: string) =>
  m(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, { memberId, program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 1000, paidOn });
const appraisal = (householdId: string, grade: string, appraisedOn: string) =>
  m(`mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { grade } }`, { householdId, grade, appraisedOn, appraiser: '鉴定组' });
const renovation = (householdId: string, kind: string, startedOn: string, completedOn: string | null) =>
  m(`mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`, {
    householdId, kind, subsidy: 10000, status: completedOn ? 'COMPLETED' : 'IN_PROGRESS', startedOn, completedOn,
  });
const relocation = (householdId: string, relocatedOn: string) =>
  m(`mutation($input: RecordRelocationInput!) { recordRelocation(input: $input) { site } }`, { householdId, site: '安置点', relocatedOn });
const employment = (memberId: string, status = 'OUT_OF_PROVINCE', year = 2020) =>
  m(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { memberId, year, status, monthsWorked: status === 'UNEMPLOYED' ? 0 : 10, monthlyIncome: 3000 });
const support = (householdId: string, year = 2020) =>
  m(`mutation($input: RecordIndustrySupportInput!) { recordIndustrySupport(input: $input) { id } }`, { householdId, year, kind: 'SOLAR_DIVIDEND', amount: 3000 });

/** Two adults (born 1980, 1982, ORDINARY labor) and the children given by birth date, on every department's roster. */
async function family(...args: Parameters<typeof registered>): Promise<SeededHousehold> {
  const h = await registered(...args);
  const departments = Object.values(hub.subgraphs).filter((sub) => sub.name !== 'households');
  await Promise.all(departments.map((sub) => awaitInReplica(sub.orm, h.members.at(-1)!.id)));
  return h;
}
const registered = (options: { children?: (string | [string, string])[]; type?: string; safeDrinkingWater?: boolean; adults?: [string, string][] } = {}) =>
  s.household({
    villageCode: village,
    type: options.type ?? 'GENERAL',
    safeDrinkingWater: options.safeDrinkingWater ?? true,
    identifiedYear: 2016,
    members: [
      ...(options.adults ?? [['1980-02-02', 'ORDINARY'], ['1982-03-03', 'ORDINARY']]).map(([birthDate, laborCapacity], i) => ({
        relationToHead: i === 0 ? 'HEAD' : 'SPOUSE', gender: (i === 0 ? 'MALE' : 'FEMALE') as 'MALE' | 'FEMALE', birthDate, laborCapacity,
      })),
      ...(options.children ?? []).map((c) => ({ relationToHead: 'CHILD', birthDate: typeof c === 'string' ? c : c[0], laborCapacity: typeof c === 'string' ? 'NONE' : c[1] })),
    ],
  });

/** Every guarantee met for 2020: income at the line, everyone insured, house A, the head at work, the children in school. */
async function covered(h: SeededHousehold, children = 0) {
  await income(h.id, 2020, 4000);
  for (const member of h.members) await enroll(member.id);
  await appraisal(h.id, 'A', '2018-05-05');
  await employment(h.members[0]!.id);
  for (const child of h.members.slice(h.members.length - children)) await schooling(child.id);
}

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
  village = await s.village();
});
afterAll(() => hub?.stop());

test('a household with nothing recorded: every gap, by whose data, each source consulted', async () => {
  const h = await family({ children: ['2012-05-05'] });
  const c = await coverage(h.id);
  expect(kinds(c)).toEqual(['DROPOUT', 'INCOME_BELOW_LINE', 'UNINSURED_MEMBER', 'UNINSURED_MEMBER', 'UNINSURED_MEMBER', 'UNSAFE_HOUSING', 'ZERO_EMPLOYMENT']);
  expect(c.exitEligible).toBe(false);
  const bySource = Object.fromEntries(c.gaps.map((g) => [g.kind, g.source]));
  expect(bySource).toEqual({ DROPOUT: 'EDUCATION_AID', INCOME_BELOW_LINE: 'REGISTRY', UNINSURED_MEMBER: 'HEALTH_INSURANCE', UNSAFE_HOUSING: 'HOUSING_REPAIR', ZERO_EMPLOYMENT: 'EMPLOYMENT' });
  expect(c.gaps.filter((g) => g.kind === 'UNINSURED_MEMBER').map((g) => g.member!.id).sort()).toEqual(h.members.map((x) => x.id).sort());
  expect(c.gaps.find((g) => g.kind === 'DROPOUT')!.member!.id).toBe(h.members[2]!.id);
  expect(c.gaps.find((g) => g.kind === 'INCOME_BELOW_LINE')!.member).toBeNull();
  expect(c.consulted!.map((x) => [x.source, x.consulted]).sort()).toEqual(
    ['EDUCATION_AID', 'EMPLOYMENT', 'HEALTH_INSURANCE', 'HOUSING_REPAIR', 'REGISTRY'].map((source) => [source, true]),
  );
  expect(c.batches.map((b) => [b.batch, b.covered])).toEqual([['PRODUCTION', false], ['RELOCATION', false], ['ECOLOGICAL_COMPENSATION', false], ['EDUCATION', false], ['SOCIAL_SECURITY', false]]);
});

test('every guarantee met: no gap, exit-eligible; the contract query answers the same', async () => {
  const h = await family({ children: ['2012-05-05'] });
  await covered(h, 1);
  const c = await coverage(h.id);
  expect(c.gaps).toEqual([]);
  expect(c.exitEligible).toBe(true);
  expect(batch(c, 'PRODUCTION')).toBe(true);
  expect(c.batches.find((b) => b.batch === 'PRODUCTION')!.coveredBy).toEqual(['EMPLOYMENT']);
  expect(c.consulted!.find((x) => x.source === 'HEALTH_INSURANCE')!.asOf).toEqual(expect.any(String));
  const contract = await coverage(h.id, 2020, hub.client, COVERAGE);
  expect(contract).toEqual({ batches: c.batches.map((b) => ({ batch: b.batch, covered: b.covered })), gaps: [], exitEligible: true });
  // Another year is another assessment: nothing is recorded for 2021.
  expect((await coverage(h.id, 2021)).exitEligible).toBe(false);
});

describe('the gap rules on their edges (2020)', () => {
  test('income: missing, one fen below the line, exactly the line', async () => {
    const h = await family();
    await covered(h);
    await income(h.id, 2020, '3999.99');
    expect(kinds(await coverage(h.id))).toEqual(['INCOME_BELOW_LINE']);
    await income(h.id, 2020, 4000);
    expect(kinds(await coverage(h.id))).toEqual([]);
    // A year before 2014 uses the 2014 line; a year with nothing recorded is a gap.
    expect(kinds(await coverage(h.id, 2019))).toEqual(expect.arrayContaining(['INCOME_BELOW_LINE']));
  });

  test('compulsory age is 6 to 15 on 31 August: exactly 6 and exactly 15 count, 5 and 16 do not', async () => {
    const h = await family({ children: ['2014-08-31', '2014-09-01', '2004-09-01', '2004-08-31'] });
    await covered(h);
    for (const child of h.members.slice(2)) await enroll(child.id);
    const dropouts = (await coverage(h.id)).gaps.filter((g) => g.kind === 'DROPOUT').map((g) => g.member!.id).sort();
    // 2014-08-31 is 6 on 31 August 2020; 2004-09-01 is 15; 2014-09-01 is 5; 2004-08-31 is 16.
    expect(dropouts).toEqual([h.members[2]!.id, h.members[4]!.id].sort());
    await schooling(h.members[2]!.id, 'HOME_TAUGHT');
    await schooling(h.members[4]!.id, 'DROPPED_OUT');
    expect((await coverage(h.id)).gaps.map((g) => [g.kind, g.member?.id])).toEqual([['DROPOUT', h.members[4]!.id]]);
  });

  test('working age is 16 to 60 on 31 December: 60 counts, 61 that day does not; WEAK does not; a ranger counts as employed', async () => {
    const sixty = await family({ adults: [['1960-12-31', 'ORDINARY'], ['1955-01-01', 'ORDINARY']] });
    await covered(sixty);
    await employment(sixty.members[0]!.id, 'UNEMPLOYED');
    expect(kinds(await coverage(sixty.id))).toEqual(['ZERO_EMPLOYMENT']);
    const sixtyOne = await family({ adults: [['1959-12-31', 'ORDINARY'], ['1959-01-01', 'SKILLED']] });
    await covered(sixtyOne);
    await employment(sixtyOne.members[0]!.id, 'UNEMPLOYED');
    expect(kinds(await coverage(sixtyOne.id))).toEqual([]);
    const weak = await family({ adults: [['1980-01-01', 'WEAK'], ['1981-01-01', 'LOST']] });
    await covered(weak);
    await employment(weak.members[0]!.id, 'UNEMPLOYED');
    expect(kinds(await coverage(weak.id))).toEqual([]);
    // 16 on 31 December 2020 (born 2004-12-31) is of working age; 15 (born 2005-01-01) is not. Both are still of school age.
    const sixteen = await family({ adults: [['1950-01-01', 'ORDINARY'], ['1952-01-01', 'NONE']], children: [['2004-12-31', 'ORDINARY']] });
    const fifteen = await family({ adults: [['1950-01-01', 'ORDINARY'], ['1952-01-01', 'NONE']], children: [['2005-01-01', 'ORDINARY']] });
    for (const h of [sixteen, fifteen]) {
      await covered(h, 1);
      await employment(h.members[0]!.id, 'UNEMPLOYED');
    }
    expect(kinds(await coverage(sixteen.id))).toEqual(['ZERO_EMPLOYMENT']);
    expect(kinds(await coverage(fifteen.id))).toEqual([]);
    const ranger = await family();
    await covered(ranger);
    await employment(ranger.members[0]!.id, 'ECOLOGICAL_RANGER');
    const c = await coverage(ranger.id);
    expect(kinds(c)).toEqual([]);
    expect([batch(c, 'ECOLOGICAL_COMPENSATION'), batch(c, 'PRODUCTION')]).toEqual([true, false]);
  });

  test('out of pocket exactly 10% is no burden, one fen above is; no claims, no burden; claims of another year do not count', async () => {
    const h = await family();
    await covered(h);
    await claim(h.members[0]!.id, '2020-03-03', 10000, 1000);
    expect(kinds(await coverage(h.id))).toEqual([]);
    await claim(h.members[1]!.id, '2020-04-04', 10000, 1000.01);
    const c = await coverage(h.id);
    expect(kinds(c)).toEqual(['HIGH_MEDICAL_BURDEN']);
    expect(c.gaps[0]!.detail).toContain('2000.01 of 20000.00');
    await claim(h.members[1]!.id, '2021-01-05', 100000, 90000);
    expect(kinds(await coverage(h.id))).toEqual(['HIGH_MEDICAL_BURDEN']);
  });

  test('housing: C repaired before the appraisal, D repaired but not rebuilt, an appraisal after the year, a relocation after the year', async () => {
    const c = await family();
    await covered(c);
    await appraisal(c.id, 'C', '2019-06-01');
    await renovation(c.id, 'REPAIR', '2019-01-01', '2019-05-01');
    expect(kinds(await coverage(c.id))).toEqual(['UNSAFE_HOUSING']);
    await renovation(c.id, 'REPAIR', '2019-07-01', '2019-09-01');
    expect(kinds(await coverage(c.id))).toEqual([]);

    const d = await family();
    await covered(d);
    await appraisal(d.id, 'D', '2019-06-01');
    await renovation(d.id, 'REPAIR', '2019-07-01', '2019-09-01');
    await renovation(d.id, 'REBUILD', '2020-03-01', null);
    expect(kinds(await coverage(d.id))).toEqual(['UNSAFE_HOUSING']);
    await relocation(d.id, '2021-03-01');
    const later = await coverage(d.id);
    expect([kinds(later), batch(later, 'RELOCATION')]).toEqual([['UNSAFE_HOUSING'], false]);
    const next = await coverage(d.id, 2021);
    expect(batch(next, 'RELOCATION')).toBe(true);
    expect(kinds(next)).not.toContain('UNSAFE_HOUSING');

    const never = await family();
    await covered(never);
    await hub.subgraphs['housing-repair']!.orm.em.fork().getConnection().execute(`delete from appraisal where household_id = ?`, [never.id]);
    await appraisal(never.id, 'A', '2021-02-02');
    expect(kinds(await coverage(never.id))).toEqual(['UNSAFE_HOUSING']);
  });

  test('no safe water is a gap of the registry', async () => {
    const h = await family({ safeDrinkingWater: false });
    await covered(h);
    expect((await coverage(h.id)).gaps.map((g) => [g.kind, g.source])).toEqual([['UNSAFE_WATER', 'REGISTRY']]);
  });
});

test('the batches: production by industry support, education by a grant paid in the year, social security by type or medical assistance', async () => {
  const h = await family({ children: ['2012-05-05'] });
  await covered(h, 1);
  await employment(h.members[0]!.id, 'UNEMPLOYED');
  await employment(h.members[1]!.id, 'PUBLIC_WELFARE_POST');
  let c = await coverage(h.id);
  expect([batch(c, 'PRODUCTION'), batch(c, 'EDUCATION'), batch(c, 'SOCIAL_SECURITY')]).toEqual([true, false, false]);
  await employment(h.members[1]!.id, 'UNEMPLOYED');
  await support(h.id);
  await grant(h.members[2]!.id, '2021-03-01');
  c = await coverage(h.id);
  expect([batch(c, 'PRODUCTION'), batch(c, 'EDUCATION')]).toEqual([true, false]);
  await grant(h.members[2]!.id, '2020-09-15');
  await claim(h.members[0]!.id, '2020-05-05', 10000, 500, 1500);
  c = await coverage(h.id);
  expect([batch(c, 'EDUCATION'), batch(c, 'SOCIAL_SECURITY')]).toEqual([true, true]);
  expect(c.batches.find((b) => b.batch === 'SOCIAL_SECURITY')!.coveredBy).toEqual(['HEALTH_INSURANCE']);
  const dibao = await family({ type: 'DIBAO' });
  expect((await coverage(dibao.id)).batches.find((b) => b.batch === 'SOCIAL_SECURITY')).toMatchObject({ covered: true, coveredBy: ['REGISTRY'] });
});

describe('exit (LIFTED) is judged by the hub on the coverage of its year', () => {
  const lift = (householdId: string, effectiveDate = '2020-12-20') => ({ householdId, toStatus: 'LIFTED', effectiveDate, reason: '两不愁三保障达标' });
  const history = async (id: string) =>
    (await hub.client.data<{ household: { status: string; statusHistory: unknown[] } }>(`query($id: ID!) { household(id: $id) { status statusHistory { status } } }`, { id })).household;

  test('refused while a guarantee is unmet, listing every gap, and nothing changes', async () => {
    const h = await family({ children: ['2012-05-05'] });
    await covered(h, 1);
    await schooling(h.members[2]!.id, 'DROPPED_OUT');
    const before = await history(h.id);
    const res = await hub.client.request(PROPOSE, { input: lift(h.id) });
    expect(errorCode(res)).toBe('EXIT_STANDARD_NOT_MET');
    const ext = res.errors![0]!.extensions as { gaps: string[]; gapDetails: { kind: string; memberId: string; source: string }[]; notConsulted: unknown[] };
    expect(ext.gaps).toEqual(['DROPOUT']);
    expect(ext.gapDetails).toEqual([{ kind: 'DROPOUT', memberId: h.members[2]!.id, detail: expect.stringContaining('DROPPED_OUT'), source: 'EDUCATION_AID' }]);
    expect(ext.notConsulted).toEqual([]);
    expect(await history(h.id)).toEqual(before);
  });

  test('allowed when no gap, with its evidence: each batch and each source as of when', async () => {
    const h = await family({ children: ['2012-05-05'] });
    await covered(h, 1);
    const decided = await throughProcedure(hub, h.id, 'LIFTED', '2020-12-20', '两不愁三保障达标');
    expect(decided.household.status).toBe('LIFTED');
    const { household } = await hub.client.data<{ household: any }>(
      `query($id: ID!) { household(id: $id) { exitEvidence { year assessedAt batches { batch covered coveredBy } consulted { source consulted asOf } }
        statusHistory { status evidence { year } } } }`,
      { id: h.id },
    );
    expect(household.exitEvidence).toMatchObject({ year: 2020, assessedAt: expect.any(String) });
    expect(household.exitEvidence.batches.find((b: any) => b.batch === 'PRODUCTION')).toEqual({ batch: 'PRODUCTION', covered: true, coveredBy: ['EMPLOYMENT'] });
    expect(household.exitEvidence.consulted.every((c: any) => c.consulted)).toBe(true);
    expect(household.exitEvidence.consulted.map((c: any) => c.source).sort()).toEqual(['EDUCATION_AID', 'EMPLOYMENT', 'HEALTH_INSURANCE', 'HOUSING_REPAIR', 'REGISTRY']);
    expect(household.statusHistory.map((e: any) => [e.status, e.evidence?.year ?? null])).toEqual([['POOR', null], ['LIFTED', 2020]]);
  });

  test('the check cannot be skipped by calling the registry directly', async () => {
    const h = await family();
    const direct = hub.subgraphs.households!.as({ subject: 'direct-admin', role: 'ADMIN', regionCode: '000000000000' });
    const res = await direct.request(PROPOSE, { input: lift(h.id) });
    expect(errorCode(res)).toBe('EXIT_STANDARD_NOT_MET');
    expect((await history(h.id)).status).toBe('POOR');
  });
});

test('a page of 50 households with coverage costs the same statements as a page of 5, in the registry and in each department', async () => {
  const v = await s.village();
  let last: SeededHousehold | undefined;
  for (let i = 0; i < 50; i++) last = await s.household({ villageCode: v });
  // Every department has them all (the roster replicates in commit order): a coverage counted
  // before would be one of departments not consulted, which now fails the read with its errors.
  const departments = Object.values(hub.subgraphs).filter((sub) => sub.name !== 'households');
  expect(await Promise.all(departments.map((sub) => awaitInReplica(sub.orm, last!.members.at(-1)!.id)))).toEqual(departments.map(() => true));
  const PAGE = `query($code: ID!, $first: Int) { region(code: $code) { households(first: $first) { nodes { id coverage(year: 2020) { exitEligible gaps { kind } } } } } }`;
  const statements = async (first: number) => {
    const counts: Record<string, number> = {};
    const names = Object.keys(hub.subgraphs);
    let nested = async () => {
      const { region } = await hub.client.data<{ region: { households: { nodes: unknown[] } } }>(PAGE, { code: v, first });
      expect(region.households.nodes).toHaveLength(first);
    };
    for (const name of names) {
      const inner = nested;
      nested = async () => {
        const { statements } = await hub.subgraphs[name]!.sql.during(inner);
        counts[name] = statements.length;
      };
    }
    await nested();
    return counts;
  };
  const five = await statements(5);
  const fifty = await statements(50);
  expect(fifty).toEqual(five);
  // One statement per department for the batch; the registry: the page (count and rows), the coverage.
  for (const name of ['health-insurance', 'education-aid', 'housing-repair', 'employment']) expect(five[name]).toBe(1);
});

test('the contract HouseholdView answers with every department and the coverage, with no error', async () => {
  const view = contractOperation('HouseholdView');
  const h = await family({ children: ['2012-05-05'] });
  await covered(h, 1);
  const res = await hub.client.request<{ household: any }>(view, { id: h.id, year: 2020 });
  expect(res.errors ?? []).toEqual([]);
  expect(res.data!.household.coverage).toMatchObject({ exitEligible: true, gaps: [] });
  expect(res.data!.household.members[0].employment).toEqual({ status: 'OUT_OF_PROVINCE', monthsWorked: 10, monthlyIncome: 3000 });
});

test('HouseholdView for one household costs the same statements in every subgraph with 2 members as with 6', async () => {
  const view = contractOperation('HouseholdView');
  const statements = async (h: SeededHousehold) => {
    await covered(h, h.members.length - 2);
    const counts: Record<string, number> = {};
    let run: () => Promise<unknown> = async () => expect((await hub.client.request(view, { id: h.id, year: 2020 })).errors ?? []).toEqual([]);
    for (const [name, sub] of Object.entries(hub.subgraphs)) {
      const inner = run;
      run = async () => {
        counts[name] = (await sub.sql.during(inner)).statements.length;
      };
    }
    await run();
    return counts;
  };
  const small = await statements(await family());
  const large = await statements(await family({ children: ['2008-01-01', '2010-01-01', '2012-01-01', '2014-01-01'] }));
  expect(large).toEqual(small);
});

describe("a department's coverage path is for the registry's readers, signed, in their jurisdiction", () => {
  const ask = (sign: (body: string) => Record<string, string>, body: unknown) =>
    fetch(new URL(COVERAGE_PATH, hub.subgraphs['education-aid']!.graphqlUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...sign(JSON.stringify(body)) }, body: JSON.stringify(body) });
  const signed = (caller: Caller, secret = hub.gatewaySecret) => (body: string) => signCaller(caller, secret, { method: 'POST', path: COVERAGE_PATH, service: 'education-aid', body });
  let h: SeededHousehold;
  beforeAll(async () => {
    h = await family({ children: ['2012-05-05'] });
  });

  test('a reader of the village gets the part; nothing else does', async () => {
    const ok = await ask(signed({ subject: 'cw', role: 'CASEWORKER', regionCode: village }), { householdIds: [h.id], year: 2020 });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { parts: { householdId: string; gaps: { kind: string }[] }[] }).parts).toEqual([expect.objectContaining({ householdId: h.id, gaps: [expect.objectContaining({ kind: 'DROPOUT' })] })]);
    // Unsigned, or signed with another secret: refused before anything is read.
    expect((await ask(() => ({}), { householdIds: [h.id], year: 2020 })).status).toBe(401);
    expect((await ask(signed({ subject: 'x', role: 'ADMIN', regionCode: '000000000000' }, 'not-the-gateway-secret-not-the-gateway'), { householdIds: [h.id], year: 2020 })).status).toBe(401);
    // A department officer is no reader of coverage.
    expect((await ask(signed({ subject: 'edu', role: 'DEPARTMENT_OFFICER', regionCode: village, department: 'EDUCATION_AID' }), { householdIds: [h.id], year: 2020 })).status).toBe(403);
    // A reader of another county gets no part of this household.
    const elsewhere = await ask(signed({ subject: 'cw2', role: 'CASEWORKER', regionCode: '420116000000' }), { householdIds: [h.id], year: 2020 });
    expect(await elsewhere.json()).toEqual({ parts: [] });
  });

  test('its refusals are audited by the department, as on the GraphQL path: a role that reads no coverage, a household of another county', async () => {
    const edu = hub.subgraphs['education-aid']!.orm.em.fork().getConnection();
    const rows = (actor: string) => edu.execute<{ action: string; subject_id: string | null; outcome: string; reason: string; region: string }[]>(`select action, subject_id, outcome, reason, region from audit_log where actor = ? order by id`, [actor]);
    const officer = `edu-${randomUUID()}`;
    expect((await ask(signed({ subject: officer, role: 'DEPARTMENT_OFFICER', regionCode: village, department: 'EDUCATION_AID' }), { householdIds: [h.id], year: 2020 })).status).toBe(403);
    expect(await rows(officer)).toEqual([{ action: 'read Household.coverage', subject_id: null, outcome: 'REFUSED', reason: 'FORBIDDEN', region: village }]);
    const outsider = `cw-${randomUUID()}`;
    expect(await (await ask(signed({ subject: outsider, role: 'CASEWORKER', regionCode: '420116000000' }), { householdIds: [h.id, h.id], year: 2020 })).json()).toEqual({ parts: [] });
    expect(await rows(outsider)).toEqual([{ action: 'read Household.coverage', subject_id: h.id, outcome: 'REFUSED', reason: 'FORBIDDEN', region: '420116000000' }]);
    // The reader of the village is served and leaves no refusal.
    const reader = `cw-${randomUUID()}`;
    expect((await ask(signed({ subject: reader, role: 'CASEWORKER', regionCode: village }), { householdIds: [h.id], year: 2020 })).status).toBe(200);
    expect(await rows(reader)).toEqual([]);
  });

  test('bad questions are refused: ids that are no ids, too many, a year outside 2014..next year', async () => {
    const admin = signed({ subject: 'a', role: 'ADMIN', regionCode: '000000000000' });
    expect((await ask(admin, { householdIds: ['nobody'], year: 2020 })).status).toBe(400);
    expect((await ask(admin, { householdIds: Array.from({ length: COVERAGE_BATCH_LIMIT + 1 }, () => h.id), year: 2020 })).status).toBe(400);
    expect((await ask(admin, { householdIds: [h.id], year: 2013 })).status).toBe(400);
  });
});
