import pg from 'pg';
import { awaitInReplicas, errorCode, meetExitStandard, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// The rules domain.md corrects (issue 24, item 5), each at its edges through the gateway:
// ZERO_EMPLOYMENT shown but not blocking exit; 0 months worked is not employed; a household
// lifted and then monitored counts as lifted and as registered poor; the figures of a year
// read the statuses as of its 31 December and the rural population set up to it; the western
// areas are configuration; a village exit is recorded for a year; REMOVED counts nowhere.
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;
const county = '420115000000';
const township = '420115888000';
const v = { rules: '420115888001', history: '420115888002', removal: '420115888003', plain: '420115888004' };
// 恩施 (Hubei) is treated as western; Jiangxia (Hubei) is not.
const enshi = { city: '422800000000', county: '422801000000', township: '422801001000', village: '422801001001' };

const COVERAGE = `query($id: ID!, $year: Int!) { household(id: $id) { coverage(year: $year) {
  exitEligible gaps { kind } batches { batch covered } } } }`;
const FIGURES = `query($code: ID!, $year: Int!) { region(code: $code) { povertyVillageExitYear fourZeros(year: $year) {
  households poorPeople ruralPopulation povertyIncidence unsafeHousingHouseholds dropoutMembers zeroEmploymentHouseholds
  villageExit { eligible povertyIncidence incidenceLimit liftedShare liftedShareRequired } } } }`;
const RECORD_EMPLOYMENT = `mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`;
const SET_RURAL = `mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`;
const RECORD_VILLAGE_EXIT = `mutation($input: RecordVillageExitInput!) { recordVillageExit(input: $input) { code povertyVillageExitYear } }`;

interface Coverage {
  exitEligible: boolean;
  gaps: { kind: string }[];
  batches: { batch: string; covered: boolean | null }[];
}
const coverage = async (h: SeededHousehold, year = 2020) => (await hub.client.data<{ household: { coverage: Coverage } }>(COVERAGE, { id: h.id, year })).household.coverage;
const kinds = (c: Coverage) => c.gaps.map((g) => g.kind).sort();
const covered = (c: Coverage, batch: string) => c.batches.find((b) => b.batch === batch)!.covered;
const figures = async (code: string, year: number) => (await hub.client.data<{ region: { povertyVillageExitYear: number | null; fourZeros: any } }>(FIGURES, { code, year })).region;

/** A household of two working adults (a head and a spouse), seen in every department's replica. */
async function household(villageCode: string, identifiedYear = 2016, more: Record<string, unknown> = {}): Promise<SeededHousehold> {
  const h = await s.household({
    villageCode,
    identifiedYear,
    members: [
      { relationToHead: 'HEAD', birthDate: '1980-01-01', laborCapacity: 'ORDINARY' },
      { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '1982-01-01', laborCapacity: 'ORDINARY' },
    ],
    ...more,
  });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  return h;
}

/**
 * A status entry written straight into the registry's history (as its procedure would, dated),
 * so that these rules are tested whatever the procedure that leads to a status.
 */
async function setStatus(h: SeededHousehold, status: string, effectiveDate: string): Promise<void> {
  const owner = new pg.Client({ connectionString: hub.subgraphs.households!.ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `with h as (select id, status from household where id = $1),
            entry as (insert into household_status_change (household_id, previous_status, status, effective_date, reason, changed_by)
                      select id, status, $2, $3::date, 'test', 'test' from h)
       update household set status = $2 where id = (select id from h)`,
      [h.id, status, effectiveDate],
    );
  } finally {
    await owner.end();
  }
}

/** The registry's figures of these years built now, as upkeep builds them (a request never does). */
const built = (...years: number[]) => hub.figures(...years);

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
  await s.village();
  await s.region(township);
  for (const code of Object.values(v)) await s.region(code, `村${code.slice(-3)}`, true);
  await s.region(enshi.city, '恩施州');
  await s.region(enshi.county, '恩施市');
  await s.region(enshi.township);
  await s.region(enshi.village, '村001', true);
});
afterAll(() => hub?.stop());

describe('ZERO_EMPLOYMENT is shown as a gap but does not block exit', () => {
  test('only ZERO_EMPLOYMENT: exit-eligible; ZERO_EMPLOYMENT and one other gap: not', async () => {
    const jobless = await household(v.rules);
    await meetExitStandard(hub.client, jobless);
    // The head's job replaced by unemployment: nobody employed, both adults able to work.
    await hub.client.data(RECORD_EMPLOYMENT, { input: { memberId: jobless.members[0]!.id, year: 2020, status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0 } });
    const alone = await coverage(jobless);
    expect(kinds(alone)).toEqual(['ZERO_EMPLOYMENT']);
    expect(alone.exitEligible).toBe(true);

    const joblessNoWater = await household(v.rules, 2016, { safeDrinkingWater: false });
    await meetExitStandard(hub.client, joblessNoWater);
    await hub.client.data(RECORD_EMPLOYMENT, { input: { memberId: joblessNoWater.members[0]!.id, year: 2020, status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0 } });
    const two = await coverage(joblessNoWater);
    expect(kinds(two)).toEqual(['UNSAFE_WATER', 'ZERO_EMPLOYMENT']);
    expect(two.exitEligible).toBe(false);
  });
});

describe('"employed" needs at least one month worked', () => {
  test('a job of 0 months employs nobody (ZERO_EMPLOYMENT, no PRODUCTION); of 1 month it does; a ranger of 0 months is no ECOLOGICAL_COMPENSATION', async () => {
    const h = await household(v.rules);
    await meetExitStandard(hub.client, h);
    const job = (status: string, monthsWorked: number) =>
      hub.client.data(RECORD_EMPLOYMENT, { input: { memberId: h.members[0]!.id, year: 2020, status, monthsWorked, monthlyIncome: monthsWorked ? 2000 : 0 } });
    await job('LOCAL', 0);
    const none = await coverage(h);
    expect(kinds(none)).toEqual(['ZERO_EMPLOYMENT']);
    expect(covered(none, 'PRODUCTION')).toBe(false);
    await job('LOCAL', 1);
    const one = await coverage(h);
    expect(kinds(one)).toEqual([]);
    expect(covered(one, 'PRODUCTION')).toBe(true);
    await job('ECOLOGICAL_RANGER', 0);
    const ranger = await coverage(h);
    expect(kinds(ranger)).toEqual(['ZERO_EMPLOYMENT']);
    expect(covered(ranger, 'ECOLOGICAL_COMPENSATION')).toBe(false);
    await job('ECOLOGICAL_RANGER', 1);
    expect(covered(await coverage(h), 'ECOLOGICAL_COMPENSATION')).toBe(true);
  });

  test('the four zeros count a household whose only job is of 0 months as zero-employment', async () => {
    const h = await household(v.plain);
    const before = (await figures(v.plain, 2020)).fourZeros.zeroEmploymentHouseholds;
    await hub.client.data(RECORD_EMPLOYMENT, { input: { memberId: h.members[0]!.id, year: 2020, status: 'IN_COUNTY', monthsWorked: 1, monthlyIncome: 3000 } });
    expect((await figures(v.plain, 2020)).fourZeros.zeroEmploymentHouseholds).toBe(before - 1);
    await hub.client.data(RECORD_EMPLOYMENT, { input: { memberId: h.members[0]!.id, year: 2020, status: 'IN_COUNTY', monthsWorked: 0, monthlyIncome: 0 } });
    expect((await figures(v.plain, 2020)).fourZeros.zeroEmploymentHouseholds).toBe(before);
  });
});

describe('a year reads the statuses of its 31 December, and the rural population set up to it', () => {
  // Two people each. early: POOR from 2016, LIFTED 2018-06-01, RELAPSED 2019-03-01.
  // late: POOR from 2017, LIFTED 2019-05-01, MONITORED 2019-09-01. newer: POOR from 2019.
  let early: SeededHousehold;
  let late: SeededHousehold;
  beforeAll(async () => {
    early = await household(v.history, 2016);
    late = await household(v.history, 2017);
    await household(v.history, 2019);
    await setStatus(early, 'LIFTED', '2018-06-01');
    await setStatus(early, 'RELAPSED', '2019-03-01');
    await setStatus(late, 'LIFTED', '2019-05-01');
    await setStatus(late, 'MONITORED', '2019-09-01');
    const officer = await hub.as('COUNTY_OFFICER', county);
    await officer.data(SET_RURAL, { input: { regionCode: v.history, year: 2017, ruralPopulation: 1000 } });
    await officer.data(SET_RURAL, { input: { regionCode: v.history, year: 2019, ruralPopulation: 800 } });
    await built(2017, 2018, 2019);
  });

  test('fourZeros(year: 2018): incidence and the village exit of the end of 2018, not of today', async () => {
    const { fourZeros: y2018 } = await figures(v.history, 2018);
    // On 31 December 2018: early lifted, late poor, newer not registered yet.
    expect(y2018).toMatchObject({ households: 2, poorPeople: 2, ruralPopulation: 1000, povertyIncidence: 0.002 });
    expect(y2018.villageExit).toMatchObject({ eligible: false, liftedShare: 0.5, incidenceLimit: 0.02 });
    const { fourZeros: y2017 } = await figures(v.history, 2017);
    expect(y2017).toMatchObject({ households: 2, poorPeople: 4, ruralPopulation: 1000 });
    expect(y2017.villageExit.liftedShare).toBe(0);
  });

  test('MONITORED after LIFTED counts as lifted and as registered poor; RELAPSED is poor again', async () => {
    const { fourZeros: y2019 } = await figures(v.history, 2019);
    // On 31 December 2019: early RELAPSED (poor), late MONITORED after LIFTED (lifted), newer POOR.
    expect(y2019).toMatchObject({ households: 3, poorPeople: 4, ruralPopulation: 800, povertyIncidence: 0.005 });
    expect(y2019.villageExit.liftedShare).toBeCloseTo(2 / 6);
  });

  test('the housing priority list counts a household lifted and then monitored as registered poor', async () => {
    // Never appraised: its housing is not safe, and it is registered poor although MONITORED now.
    const housing = await hub.as('DEPARTMENT_OFFICER', county, 'HOUSING_REPAIR');
    const list = await housing.data<{ unsafeHousing: { nodes: { household: { id: string }; priorityGroups: string[] }[] } }>(
      `query($code: ID!) { unsafeHousing(regionCode: $code, first: 100) { nodes { household { id } priorityGroups } } }`, { code: v.history });
    const entry = list.unsafeHousing.nodes.find((n) => n.household.id === late.id);
    expect(entry?.priorityGroups).toEqual(['REGISTERED_POOR']);
  });
});

describe('the western areas are configuration', () => {
  test('a village of 恩施 (an area treated as western, in Hubei) exits below 3%; one elsewhere in Hubei below 2%', async () => {
    await household(enshi.village);
    await built(2020);
    expect((await figures(enshi.village, 2020)).fourZeros.villageExit.incidenceLimit).toBe(0.03);
    expect((await figures(v.plain, 2020)).fourZeros.villageExit.incidenceLimit).toBe(0.02);
  });
});

describe('recording a village exit (出列) for a year', () => {
  test('refused while the rule is not met for that year, recorded once it is, readable on the region, audited, and only once', async () => {
    const village = v.rules.replace(/001$/, '009');
    await s.region(village, '村009', true);
    const h = await household(village, 2016);
    const officer = await hub.as('COUNTY_OFFICER', county);
    const exit = (year: number, client = officer) => client.request<{ recordVillageExit: { povertyVillageExitYear: number } }>(RECORD_VILLAGE_EXIT, { input: { villageCode: village, year, reason: '县级审定' } });
    await built(2018, 2019);
    // No rural population, nobody lifted.
    const notMet = await exit(2019);
    expect(errorCode(notMet)).toBe('VILLAGE_EXIT_RULE_NOT_MET');
    expect(notMet.errors![0]!.extensions!.villageExit).toMatchObject({ year: 2019, eligible: false, povertyIncidence: null, liftedShare: 0 });
    await setStatus(h, 'LIFTED', '2019-06-01');
    await officer.data(SET_RURAL, { input: { regionCode: village, year: 2018, ruralPopulation: 500 } });
    // Lifted in 2019: the rule is met for 2019, not for 2018.
    expect(errorCode(await exit(2018))).toBe('VILLAGE_EXIT_RULE_NOT_MET');
    expect(errorCode(await exit(2019, await hub.as('CASEWORKER', village)))).toBe('FORBIDDEN');
    expect((await exit(2019)).data?.recordVillageExit.povertyVillageExitYear).toBe(2019);
    expect((await figures(village, 2019)).povertyVillageExitYear).toBe(2019);
    expect(errorCode(await exit(2020))).toBe('VILLAGE_ALREADY_EXITED');
    const audited = await hub.subgraphs.households!.orm.em.fork().getConnection().execute(`select outcome, reason from audit_log where action = 'recordVillageExit' and subject_id = ? order by id`, [village]);
    expect(audited.filter((a) => a.outcome === 'ALLOWED')).toEqual([{ outcome: 'ALLOWED', reason: '县级审定' }]);
    expect(audited.filter((a) => a.outcome === 'REFUSED').map((a) => a.reason)).toEqual(expect.arrayContaining(['VILLAGE_EXIT_RULE_NOT_MET', 'VILLAGE_ALREADY_EXITED']));
    // Not a poverty village: nothing to exit.
    expect(errorCode(await officer.request(RECORD_VILLAGE_EXIT, { input: { villageCode: township, year: 2019, reason: '县级审定' } }))).toBe('BAD_USER_INPUT');
  });
});

describe('REMOVED (清退) counts nowhere', () => {
  test('a household set to REMOVED leaves the four zeros, the poor people, the region list and the work lists; its records stay readable', async () => {
    const h = await household(v.removal, 2016, {
      members: [
        { relationToHead: 'HEAD', birthDate: '1980-01-01', laborCapacity: 'ORDINARY' },
        { relationToHead: 'CHILD', birthDate: '2012-05-05', laborCapacity: 'NONE' },
      ],
    });
    await built(2020);
    const before = (await figures(v.removal, 2020)).fourZeros;
    // Never appraised, a child of school age with no school record, nobody employed.
    expect(before).toMatchObject({ households: 1, poorPeople: 2, unsafeHousingHouseholds: 1, dropoutMembers: 1, zeroEmploymentHouseholds: 1 });
    const LIST = `query($code: ID!) { region(code: $code) { households(first: 10) { totalCount nodes { id } } } }`;
    expect((await hub.client.data<{ region: { households: { totalCount: number } } }>(LIST, { code: v.removal })).region.households.totalCount).toBe(1);
    // The work lists and the insurance dashboard of the village: dropouts, members without work, members.
    const LISTS = `query($code: ID!) {
      dropouts(regionCode: $code, year: 2020, first: 10) { totalCount }
      membersWithoutWork(regionCode: $code, year: 2020, first: 10) { totalCount }
      insuranceCoverage(regionCode: $code, year: 2020) { members } }`;
    const lists = async () => {
      const d = await hub.client.data<{ dropouts: { totalCount: number }; membersWithoutWork: { totalCount: number }; insuranceCoverage: { members: number } }>(LISTS, { code: v.removal });
      return { dropouts: d.dropouts.totalCount, withoutWork: d.membersWithoutWork.totalCount, insured: d.insuranceCoverage.members };
    };
    expect(await lists()).toEqual({ dropouts: 1, withoutWork: 1, insured: 2 });

    // 清退 through its procedure: the village caseworker proposes, straight to the county, whose officer decides.
    const { proposeStatusChange: proposed } = await (await hub.as('CASEWORKER', v.removal)).data<{ proposeStatusChange: { id: string; step: string } }>(
      `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id step } }`,
      { input: { householdId: h.id, toStatus: 'REMOVED', effectiveDate: '2020-12-01', reason: '识别错误: 家庭收入超标' } },
    );
    expect(proposed.step).toBe('COUNTY');
    const { decideStatusChange: decided } = await (await hub.as('COUNTY_OFFICER', county)).data<{ decideStatusChange: { step: string; household: { status: string } } }>(
      `mutation($id: ID!, $reason: String!) { decideStatusChange(id: $id, approve: true, reason: $reason) { step household { status } } }`,
      { id: proposed.id, reason: '县级审定 清退' },
    );
    expect(decided).toEqual({ step: 'APPROVED', household: { status: 'REMOVED' } });
    await awaitRosterStatus(h, 'REMOVED');
    const after = (await figures(v.removal, 2020)).fourZeros;
    expect(after).toMatchObject({ households: 0, poorPeople: 0, unsafeHousingHouseholds: 0, dropoutMembers: 0, zeroEmploymentHouseholds: 0 });
    expect((await hub.client.data<{ region: { households: { totalCount: number; nodes: unknown[] } } }>(LIST, { code: v.removal })).region.households).toEqual({ totalCount: 0, nodes: [] });
    const housing = await hub.as('DEPARTMENT_OFFICER', county, 'HOUSING_REPAIR');
    const unsafe = await housing.data<{ unsafeHousing: { nodes: unknown[] } }>(`query($code: ID!) { unsafeHousing(regionCode: $code, first: 10) { nodes { villageCode } } }`, { code: v.removal });
    expect(unsafe.unsafeHousing.nodes).toEqual([]);
    const zero = await hub.client.data<{ zeroEmploymentHouseholds: { nodes: unknown[] } }>(`query($code: ID!) { zeroEmploymentHouseholds(regionCode: $code, year: 2020, first: 10) { nodes { villageCode } } }`, { code: v.removal });
    expect(zero.zeroEmploymentHouseholds.nodes).toEqual([]);
    expect(await lists()).toEqual({ dropouts: 0, withoutWork: 0, insured: 0 });
    // An auditor still reads the household itself.
    const auditor = await hub.as('AUDITOR', county);
    expect((await auditor.data<{ household: { id: string } | null }>(`query($id: ID!) { household(id: $id) { id } }`, { id: h.id })).household).toEqual({ id: h.id });
  });
});

/** Until every department's replica shows the household's new status (logical replication is asynchronous). */
async function awaitRosterStatus(h: SeededHousehold, status: string): Promise<void> {
  for (const [name, sub] of Object.entries(hub.subgraphs)) {
    if (name === 'households') continue;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await sub.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from roster where household_id = ? and household_status = ?`, [h.id, status]);
      if (rows[0]!.n > 0) break;
      if (Date.now() > deadline) throw new Error(`${name}'s roster did not show ${status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
