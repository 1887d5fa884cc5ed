import pg from 'pg';
import { awaitInReplicas, errorCode, meetExitStandard, seed, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';

// 四个清零 through the gateway: each count by the department that owns the data, at village,
// township and county level, agreeing with the gaps of the households below; poverty
// incidence and the village exit rule; jurisdiction; one statement per department.
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;
const county = '420115000000';
const township = '420115777000';
const villages = ['420115777001', '420115777002'];

const FOUR_ZEROS = contractOperation('RegionFourZeros');
const COUNTS = `query($code: ID!) { region(code: $code) { fourZeros(year: 2020) {
  unsafeHousingHouseholds highMedicalBurdenHouseholds dropoutMembers zeroEmploymentHouseholds households poorPeople ruralPopulation povertyIncidence
  villageExit { eligible povertyIncidence incidenceLimit liftedShare liftedShareRequired } } } }`;
const COVERAGE = `query($id: ID!, $year: Int!) { household(id: $id) { coverage(year: $year) { gaps { kind } } } }`;

const input = (query: string, value: Record<string, unknown>) => hub.client.data(query, { input: value });
const households: Record<string, SeededHousehold[]> = {};

async function household(village: string, children: string[] = []): Promise<SeededHousehold> {
  const h = await s.household({
    villageCode: village,
    members: [
      { relationToHead: 'HEAD', birthDate: '1980-01-01', laborCapacity: 'ORDINARY' },
      { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '1982-01-01', laborCapacity: 'ORDINARY' },
      ...children.map((birthDate) => ({ relationToHead: 'CHILD', birthDate, laborCapacity: 'NONE' })),
    ],
  });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  (households[village] ??= []).push(h);
  return h;
}

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
  await s.village(); // province, city and county
  await s.region(township);
  for (const v of villages) await s.region(v, `村${v.slice(-3)}`, true);
  // Village 1: one household meeting everything; one with nothing; one with a dropout and a burden.
  const [v1, v2] = villages as [string, string];
  await meetExitStandard(hub.client, await household(v1));
  await household(v1, ['2012-05-05', '2010-05-05']);
  const mixed = await household(v1, ['2012-05-05']);
  await meetExitStandard(hub.client, mixed);
  await input(`mutation($input: RecordSchoolingInput!) { recordSchooling(input: $input) { year } }`, { memberId: mixed.members[2]!.id, year: 2020, stage: 'PRIMARY', school: '中心学校', status: 'DROPPED_OUT' });
  await input(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
    memberId: mixed.members[0]!.id, date: '2020-06-01', hospital: '县医院', kind: 'INPATIENT', totalCost: 10000, basicPaid: 8000, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid: 0, oneStop: true,
  });
  // Village 2: a D house not rebuilt, and a household whose only worker is unemployed.
  const d = await household(v2);
  await meetExitStandard(hub.client, d);
  await input(`mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { grade } }`, { householdId: d.id, grade: 'D', appraisedOn: '2020-06-01', appraiser: '鉴定组' });
  const jobless = await household(v2);
  await meetExitStandard(hub.client, jobless);
  await input(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { memberId: jobless.members[0]!.id, year: 2020, status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0 });
});
afterAll(() => hub?.stop());

/** The four zeros as the gaps of the households below say them. */
async function fromGaps(list: SeededHousehold[], year = 2020) {
  const totals = { unsafeHousingHouseholds: 0, highMedicalBurdenHouseholds: 0, dropoutMembers: 0, zeroEmploymentHouseholds: 0 };
  for (const h of list) {
    const kinds = (await hub.client.data<{ household: { coverage: { gaps: { kind: string }[] } } }>(COVERAGE, { id: h.id, year })).household.coverage.gaps.map((g) => g.kind);
    totals.unsafeHousingHouseholds += kinds.includes('UNSAFE_HOUSING') ? 1 : 0;
    totals.highMedicalBurdenHouseholds += kinds.includes('HIGH_MEDICAL_BURDEN') ? 1 : 0;
    totals.dropoutMembers += kinds.filter((k) => k === 'DROPOUT').length;
    totals.zeroEmploymentHouseholds += kinds.includes('ZERO_EMPLOYMENT') ? 1 : 0;
  }
  return totals;
}

test('the counts at village, township and county level agree with the gaps of the households below', async () => {
  const [v1, v2] = villages as [string, string];
  const expected1 = await fromGaps(households[v1]!);
  const expected2 = await fromGaps(households[v2]!);
  expect(expected1).toEqual({ unsafeHousingHouseholds: 1, highMedicalBurdenHouseholds: 1, dropoutMembers: 3, zeroEmploymentHouseholds: 1 });
  expect(expected2).toEqual({ unsafeHousingHouseholds: 1, highMedicalBurdenHouseholds: 0, dropoutMembers: 0, zeroEmploymentHouseholds: 1 });
  const sum = Object.fromEntries(Object.entries(expected1).map(([k, n]) => [k, n + expected2[k as keyof typeof expected2]]));
  for (const [code, expected] of [[v1, expected1], [v2, expected2], [township, sum], [county, sum]] as const) {
    const { region } = await hub.client.data<{ region: { fourZeros: Record<string, unknown> } }>(COUNTS, { code });
    expect({ code, ...region.fourZeros }).toMatchObject({ code, ...expected });
  }
});

test('the contract RegionFourZeros: the region and its children, each count from its department, the same statements for any number of regions', async () => {
  const during = async <T>(fn: () => Promise<T>) => {
    const counts: Record<string, number> = {};
    let run: () => Promise<unknown> = fn;
    for (const [name, sub] of Object.entries(hub.subgraphs)) {
      const inner = run;
      run = async () => {
        const { result, statements } = await sub.sql.during(inner);
        counts[name] = statements.length;
        return result;
      };
    }
    return { result: (await run()) as T, counts };
  };
  const { result, counts } = await during(() => hub.client.data<{ region: any }>(FOUR_ZEROS, { code: township, year: 2020 }));
  expect(result.region.fourZeros).toEqual({ unsafeHousingHouseholds: 2, highMedicalBurdenHouseholds: 1, dropoutMembers: 3, zeroEmploymentHouseholds: 2 });
  expect(result.region.children.map((c: any) => [c.code, c.fourZeros])).toEqual([
    [villages[0], { unsafeHousingHouseholds: 1, dropoutMembers: 3 }],
    [villages[1], { unsafeHousingHouseholds: 1, dropoutMembers: 0 }],
  ]);
  // Per fetch: whether the year's figures are current, then one index read for every region.
  for (const name of ['health-insurance', 'employment']) expect(counts[name]).toBe(2);
  // Asked at two paths (the township, then all its villages): two fetches of one plan, which the
  // gateway sends as one batch and the subgraph reads together, whatever the number of villages.
  for (const name of ['housing-repair', 'education-aid']) expect(counts[name]).toBe(2);
});

test('a dashboard read does not run the rules over the records: it reads the figures kept per household', async () => {
  const { statements } = await hub.subgraphs['health-insurance']!.sql.during(() => hub.client.data(COUNTS, { code: county }));
  expect(statements.some((q) => q.includes('four_zeros_figure'))).toBe(true);
  expect(statements.filter((q) => /medical_claim|roster/.test(q))).toEqual([]);
});

test('the figures follow every change: a department’s records, a household the registry adds, a changed rule', async () => {
  const [v1, v2] = villages as [string, string];
  const [d, jobless] = households[v2] as [SeededHousehold, SeededHousehold];
  const counts = async (code: string) => (await hub.client.data<{ region: { fourZeros: Record<string, number> } }>(COUNTS, { code })).region.fourZeros;
  expect(await counts(v2)).toMatchObject({ households: 2, poorPeople: 4, unsafeHousingHouseholds: 1, highMedicalBurdenHouseholds: 0, dropoutMembers: 0, zeroEmploymentHouseholds: 1 });
  // Another year's figures, built by upkeep (a request never builds them), are kept as well.
  await hub.figures(2021);
  const in2021 = async (code: string) => (await hub.client.data<{ region: { fourZeros: Record<string, number> } }>(
    `query($code: ID!) { region(code: $code) { fourZeros(year: 2021) { unsafeHousingHouseholds highMedicalBurdenHouseholds dropoutMembers zeroEmploymentHouseholds } } }`, { code })).region.fourZeros;
  expect(await in2021(v2)).toEqual(await fromGaps(households[v2]!, 2021));
  // Each department writes (a household-keyed table, member-keyed ones, a record replaced).
  await input(`mutation($input: RecordRelocationInput!) { recordRelocation(input: $input) { site } }`, { householdId: d.id, site: '易地扶贫搬迁安置点', relocatedOn: '2020-09-01' });
  await input(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { memberId: jobless.members[0]!.id, year: 2020, status: 'LOCAL', monthsWorked: 6, monthlyIncome: 2000 });
  await input(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
    memberId: jobless.members[1]!.id, date: '2020-03-01', hospital: '县医院', kind: 'INPATIENT', totalCost: 20000, basicPaid: 10000, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid: 0, oneStop: true,
  });
  // The registry adds a household: never appraised, nobody employed, a child of school age with no school record.
  await household(v2, ['2012-03-03']);
  const expected = await fromGaps(households[v2]!);
  expect(expected).toEqual({ unsafeHousingHouseholds: 1, highMedicalBurdenHouseholds: 1, dropoutMembers: 1, zeroEmploymentHouseholds: 1 });
  expect(await counts(v2)).toMatchObject({ households: 3, poorPeople: 7, ...expected });
  const below = await fromGaps([...households[v1]!, ...households[v2]!]);
  expect(await counts(county)).toMatchObject(below);
  expect(await in2021(v2)).toEqual(await fromGaps(households[v2]!, 2021));
  expect((await in2021(v2)).zeroEmploymentHouseholds).toBe(3);
  // A rule that changed (a deployment's new out-of-pocket limit, a new release): that year's figures are built again.
  const health = hub.subgraphs['health-insurance']!.orm.em.fork().getConnection();
  await health.execute(`delete from four_zeros_figure`);
  await health.execute(`update four_zeros_year set fingerprint = 'an earlier rule'`);
  const stale = await hub.client.request<{ region: { fourZeros: Record<string, number | null> } }>(COUNTS, { code: county });
  expect(stale.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FIGURES_NOT_READY', 'region.fourZeros.highMedicalBurdenHouseholds']]);
  await hub.figures(2020);
  expect((await counts(county)).highMedicalBurdenHouseholds).toBe(below.highMedicalBurdenHouseholds);
});

test('poverty incidence once the county office sets the rural population, and the village exit rule', async () => {
  const [v1] = villages as [string];
  const officer = await hub.as('COUNTY_OFFICER', county);
  const before = await hub.client.data<{ region: { fourZeros: any } }>(COUNTS, { code: v1 });
  expect(before.region.fourZeros).toMatchObject({ households: 3, poorPeople: 9, ruralPopulation: null, povertyIncidence: null });
  expect(before.region.fourZeros.villageExit).toMatchObject({ eligible: false, povertyIncidence: null, incidenceLimit: 0.02, liftedShare: 0, liftedShareRequired: 0.98 });
  await officer.data(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, { input: { regionCode: v1, year: 2020, ruralPopulation: 900 } });
  const audited = await hub.subgraphs.households!.orm.em.fork().getConnection().execute(`select subject_id, outcome from audit_log where action = 'setRuralPopulation'`);
  expect(audited).toEqual([{ subject_id: v1, outcome: 'ALLOWED' }]);
  const after = await hub.client.data<{ region: { fourZeros: any } }>(COUNTS, { code: v1 });
  expect(after.region.fourZeros).toMatchObject({ ruralPopulation: 900, povertyIncidence: 0.01 });
  // 1% is below 2%, but none of its poor is lifted yet.
  expect(after.region.fourZeros.villageExit.eligible).toBe(false);
  // Lift the household that meets everything: still 7 of 9 poor people left.
  await throughProcedure(hub, households[v1]![0]!.id, 'LIFTED', '2020-12-20');
  const lifted = await hub.client.data<{ region: { fourZeros: any } }>(COUNTS, { code: v1 });
  expect(lifted.region.fourZeros).toMatchObject({ poorPeople: 7, villageExit: { eligible: false, liftedShare: 2 / 9 } });
  // A township has no village exit; a rural population set on it gives its own incidence.
  expect((await hub.client.data<{ region: { fourZeros: any } }>(COUNTS, { code: township })).region.fourZeros.villageExit).toBeNull();
  expect(errorCode(await officer.request(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, { input: { regionCode: v1, year: 2020, ruralPopulation: -1 } }))).toBe('BAD_USER_INPUT');
  const caseworker = await hub.as('CASEWORKER', v1);
  expect(errorCode(await caseworker.request(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, { input: { regionCode: v1, year: 2020, ruralPopulation: 1 } }))).toBe('FORBIDDEN');
});

test('within the jurisdiction only: a caseworker of a village sees its village, not the township above it', async () => {
  const caseworker = await hub.as('CASEWORKER', villages[0]);
  expect((await caseworker.data<{ region: { fourZeros: { dropoutMembers: number } } }>(COUNTS, { code: villages[0] })).region.fourZeros.dropoutMembers).toBe(3);
  const res = await caseworker.request<{ region: { fourZeros: unknown } }>(COUNTS, { code: township });
  expect(errorCode(res)).toBe('FORBIDDEN');
  expect(res.data?.region.fourZeros ?? null).toBeNull();
  const department = await hub.as('DEPARTMENT_OFFICER', county, 'HOUSING_REPAIR');
  expect(errorCode(await department.request(COUNTS, { code: township }))).toBe('FORBIDDEN');
});

test('a year not built: a request never builds it — FIGURES_NOT_READY (retryable), even with no build running; upkeep builds it; a built year answers while a build holds the lock', async () => {
  const health = new pg.Client({ connectionString: hub.subgraphs['health-insurance']!.ownerUrl });
  await health.connect();
  const ask = (year: number) => hub.client.request<{ region: { fourZeros: Record<string, number | null> } }>(
    `query($code: ID!, $year: Int!) { region(code: $code) { fourZeros(year: $year) { highMedicalBurdenHouseholds dropoutMembers } } }`, { code: county, year });
  const notReady = (res: Awaited<ReturnType<typeof ask>>) => {
    expect(res.data!.region.fourZeros).toEqual({ highMedicalBurdenHouseholds: null, dropoutMembers: null });
    expect(res.errors!.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FIGURES_NOT_READY', retryable: true }), expect.objectContaining({ code: 'FIGURES_NOT_READY', retryable: true })]);
  };
  try {
    // Nothing holds the refreshers' lock: the request still does not build the year.
    notReady(await ask(2019));
    await hub.figures(2019);
    const answered = await ask(2019);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.region.fourZeros.highMedicalBurdenHouseholds).toBe((await fromGaps(Object.values(households).flat(), 2019)).highMedicalBurdenHouseholds);
    // The lock held, as a build of another year would: a built year answers as it stands.
    await health.query('begin');
    await health.query('select pg_advisory_xact_lock(7042015)');
    const built = await ask(2020);
    expect(built.errors).toBeUndefined();
    expect(built.data!.region.fourZeros.highMedicalBurdenHouseholds).toBe((await fromGaps(Object.values(households).flat())).highMedicalBurdenHouseholds);
    await health.query('commit');
  } finally {
    await health.end();
  }
});

test('the registry’s own figures of a year asked and not built: FIGURES_NOT_READY, and the request starts upkeep at once (no ten-minute wait)', async () => {
  const ask = () => hub.client.request<{ region: { fourZeros: { households: number | null } } }>(`query($code: ID!) { region(code: $code) { fourZeros(year: 2022) { households } } }`, { code: county });
  const first = await ask();
  expect(first.errors?.map((e) => e.extensions?.code)).toEqual(['FIGURES_NOT_READY']);
  // Nobody calls upkeep here: what the request started builds the year (the timer is ten minutes away).
  const deadline = Date.now() + 30_000;
  let answered = first;
  while (answered.errors && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    answered = await ask();
  }
  expect(answered.errors).toBeUndefined();
  expect(answered.data!.region.fourZeros.households).toBeGreaterThan(0);
});

test('at most two years a request: a dashboard of every year is QUERY_LIMIT_EXCEEDED past the second, and builds nothing', async () => {
  const years = [2014, 2015, 2016, 2017];
  const res = await hub.client.request<{ region: Record<string, unknown> }>(`query($code: ID!) { region(code: $code) { ${years.map((y) => `y${y}: fourZeros(year: ${y}) { households dropoutMembers }`).join(' ')} } }`, { code: county });
  const refused = (res.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED').map((e) => e.path?.join('.'));
  expect(refused).toEqual(['region.y2016', 'region.y2017']);
  expect(res.data!.region.y2016).toBeNull();
  const education = hub.subgraphs['education-aid']!.orm.em.fork().getConnection();
  expect(await education.execute(`select year from four_zeros_year where year in (2016, 2017)`)).toEqual([]);
});

test('a build runs under the figures’ statement deadline: one too short for it fails cleanly, requests still answer, the next upkeep builds it', async () => {
  const ask = () => hub.client.request<{ region: { fourZeros: Record<string, number | null> } }>(
    `query($code: ID!) { region(code: $code) { fourZeros(year: 2018) { highMedicalBurdenHouseholds } } }`, { code: county });
  // Upkeep logs what failed (and carries on); the subgraphs run in this process.
  const logged: string[] = [];
  const log = console.error;
  console.error = (line: unknown) => void logged.push(String(line));
  process.env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS = '1';
  try {
    await hub.subgraphs['health-insurance']!.figures(2018);
  } finally {
    delete process.env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS;
    console.error = log;
  }
  expect(logged).toEqual(expect.arrayContaining([expect.stringContaining('statement timeout')]));
  expect((await ask()).errors?.map((e) => e.extensions?.code)).toEqual(['FIGURES_NOT_READY']);
  await hub.subgraphs['health-insurance']!.figures(2018);
  const built = await ask();
  expect(built.errors).toBeUndefined();
  expect(built.data!.region.fourZeros.highMedicalBurdenHouseholds).toBe((await fromGaps(Object.values(households).flat(), 2018)).highMedicalBurdenHouseholds);
});
