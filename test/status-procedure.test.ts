import { errorCode, type GraphQLClient, meetExitStandard, seed, type SeededHousehold } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';

// Status changes through their procedure (贫困户退出程序), through the gateway: an exit is
// proposed, published (公示) with its objections, reviewed by the township and decided by the
// county, each step by another person; the exit standard is checked at proposal and again at
// decision; relapse and removal go straight to the county. The hub runs with FUPIN_NOTICE_DAYS=0
// (the test default): a notice period still running is set on the proposal itself.
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;
let village: string;
let township: string;
let county: string;

const PROPOSE = contractOperation('ProposeStatusChange');
const OBJECT = contractOperation('ObjectToStatusChange');
const REVIEW = contractOperation('ReviewStatusChange');
const DECIDE = contractOperation('DecideStatusChange');
const LIST = contractOperation('StatusChanges');
const CHANGE = contractOperation('ChangeHouseholdStatus');

interface Proposed {
  id: string;
  toStatus: string;
  step: string;
  noticeEndsOn: string | null;
}

const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const sql = (text: string, params: unknown[] = []) => hub.subgraphs.households!.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(text, params);

/** The people of the procedure: each call makes another person unless a subject is given. */
const caseworker = (subject?: string) => hub.as('CASEWORKER', village, undefined, subject);
const townshipReviewer = (subject?: string) => hub.as('CASEWORKER', township, undefined, subject);
const countyOfficer = (subject?: string) => hub.as('COUNTY_OFFICER', county, undefined, subject);

async function ready(): Promise<SeededHousehold> {
  const h = await s.household({ villageCode: village });
  await meetExitStandard(hub.client, h);
  return h;
}

async function propose(client: GraphQLClient, householdId: string, toStatus = 'LIFTED', effectiveDate = '2020-12-20'): Promise<Proposed> {
  return (await client.data<{ proposeStatusChange: Proposed }>(PROPOSE, { input: { householdId, toStatus, effectiveDate, reason: '民主评议 达标' } })).proposeStatusChange;
}

const review = (client: GraphQLClient, id: string, approve = true) => client.request<{ reviewStatusChange: { id: string; step: string } }>(REVIEW, { id, approve, reason: '乡镇审核' });
const decide = (client: GraphQLClient, id: string, approve = true) => client.request<{ decideStatusChange: any }>(DECIDE, { id, approve, reason: '县级审定' });
const statusOf = async (id: string) => (await hub.client.data<{ household: { status: string } }>(`query($id: ID!) { household(id: $id) { status } }`, { id })).household.status;

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
  village = await s.village();
  township = `${village.slice(0, 9)}000`;
  county = `${village.slice(0, 6)}000000`;
});
afterAll(() => hub?.stop());

describe('an exit through its four steps', () => {
  test('proposed, published with an objection, reviewed by the township, decided by the county: the status and its history follow, every step audited', async () => {
    const h = await ready();
    const proposer = await caseworker('village-cadre');
    const proposed = await propose(proposer, h.id);
    // Published for FUPIN_NOTICE_DAYS=0 days: the notice ends today, and it waits for the township.
    expect(proposed).toEqual({ id: expect.any(String), toStatus: 'LIFTED', step: 'TOWNSHIP', noticeEndsOn: todayInChina() });
    // Still POOR while it is published.
    expect(await statusOf(h.id)).toBe('POOR');

    const { objectToStatusChange } = await (await caseworker('notice-clerk')).data<{ objectToStatusChange: any }>(OBJECT, { id: proposed.id, objection: '村民反映收入不实' });
    expect(objectToStatusChange.objections).toEqual([{ objection: '村民反映收入不实', recordedAt: expect.any(String) }]);

    const reviewed = await review(await townshipReviewer('township-head'), proposed.id);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewStatusChange.step).toBe('COUNTY');

    const waiting = await (await countyOfficer()).data<{ statusChanges: any }>(LIST, { regionCode: county, step: 'COUNTY' });
    expect(waiting.statusChanges.nodes.map((n: any) => n.id)).toContain(proposed.id);

    const decided = await decide(await countyOfficer('county-head'), proposed.id);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideStatusChange).toEqual({
      id: proposed.id,
      step: 'APPROVED',
      household: {
        id: h.id,
        status: 'LIFTED',
        statusHistory: [
          { status: 'POOR', effectiveDate: '2016-01-01', reason: '建档立卡 registered' },
          { status: 'LIFTED', effectiveDate: '2020-12-20', reason: '民主评议 达标' },
        ],
      },
    });
    const { statusChanges } = await hub.client.data<{ statusChanges: any }>(
      `query($code: ID!) { statusChanges(regionCode: $code, step: APPROVED) { nodes { id proposedBy reviewedBy decidedBy objections { recordedBy } } } }`,
      { code: village },
    );
    expect(statusChanges.nodes.find((n: any) => n.id === proposed.id)).toEqual({
      id: proposed.id, proposedBy: 'village-cadre', reviewedBy: 'township-head', decidedBy: 'county-head', objections: [{ recordedBy: 'notice-clerk' }],
    });
    // The household's own screen shows its procedure too.
    const { household } = await hub.client.data<{ household: any }>(`query($id: ID!) { household(id: $id) { statusChanges { id step toStatus } } }`, { id: h.id });
    expect(household.statusChanges).toEqual([{ id: proposed.id, step: 'APPROVED', toStatus: 'LIFTED' }]);
    const audited = await sql(`select action, actor, outcome from audit_log where subject_id = ? and action like '%StatusChange' order by id`, [proposed.id]);
    expect(audited).toEqual([
      { action: 'proposeStatusChange', actor: 'village-cadre', outcome: 'ALLOWED' },
      { action: 'objectToStatusChange', actor: 'notice-clerk', outcome: 'ALLOWED' },
      { action: 'reviewStatusChange', actor: 'township-head', outcome: 'ALLOWED' },
      { action: 'decideStatusChange', actor: 'county-head', outcome: 'ALLOWED' },
    ]);
  });

  test('its evidence is kept as it was at the decision: a department record changed after the exit does not change it', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    await review(await townshipReviewer(), proposed.id);
    expect((await decide(await countyOfficer(), proposed.id)).errors).toBeUndefined();
    const EVIDENCE = `query($code: ID!) { statusChanges(regionCode: $code, step: APPROVED, first: 100) { nodes { id exitEvidence { year assessedAt batches { batch covered coveredBy } consulted { source consulted asOf } } } } }`;
    const evidenceOf = async () => (await hub.client.data<{ statusChanges: { nodes: any[] } }>(EVIDENCE, { code: village })).statusChanges.nodes.find((n) => n.id === proposed.id).exitEvidence;
    const before = await evidenceOf();
    expect(before).toMatchObject({ year: 2020, assessedAt: expect.any(String) });
    expect(before.batches.find((b: any) => b.batch === 'PRODUCTION')).toEqual({ batch: 'PRODUCTION', covered: true, coveredBy: ['EMPLOYMENT'] });
    const household = async () =>
      (await hub.client.data<{ household: any }>(`query($id: ID!) { household(id: $id) { exitEvidence { year assessedAt } coverage(year: 2020) { exitEligible batches { batch covered } } } }`, { id: h.id })).household;
    expect((await household()).coverage.exitEligible).toBe(true);

    // The employment department replaces the head's record of 2020: unemployed now.
    await hub.client.data(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, {
      input: { memberId: h.members[0]!.id, year: 2020, status: 'UNEMPLOYED', monthsWorked: 0, monthlyIncome: 0 },
    });
    const after = await household();
    expect(after.coverage.batches.find((b: any) => b.batch === 'PRODUCTION').covered).toBe(false);
    expect(await evidenceOf()).toEqual(before);
    expect(after.exitEvidence).toEqual({ year: 2020, assessedAt: before.assessedAt });
  });
});

describe('refused', () => {
  test('when a step is skipped: no decision before the township review, no review of a change that has none', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    const skipped = await decide(await countyOfficer(), proposed.id);
    expect(errorCode(skipped)).toBe('PROCEDURE_STEP');
    expect(skipped.errors![0]!.extensions).toMatchObject({ step: 'TOWNSHIP' });
    expect(await statusOf(h.id)).toBe('POOR');

    // A removal goes straight to the county: there is no township review to take.
    const other = await s.household({ villageCode: village });
    const removal = await propose(await caseworker(), other.id, 'REMOVED', '2020-06-01');
    expect(removal).toMatchObject({ step: 'COUNTY', noticeEndsOn: null });
    expect(errorCode(await review(await townshipReviewer(), removal.id))).toBe('PROCEDURE_STEP');
    // And an ended one takes no step at all.
    expect((await decide(await countyOfficer(), removal.id)).data!.decideStatusChange.household.status).toBe('REMOVED');
    expect(errorCode(await decide(await countyOfficer(), removal.id))).toBe('PROCEDURE_STEP');
  });

  test('when one person acts twice: the proposer cannot review, the reviewer cannot decide', async () => {
    const h = await ready();
    const proposer = await hub.as('COUNTY_OFFICER', county, undefined, 'officer-one');
    const proposed = await propose(proposer, h.id);
    const own = await review(proposer, proposed.id);
    expect(errorCode(own)).toBe('FORBIDDEN');
    expect(own.errors![0]!.extensions).toMatchObject({ rule: 'SEPARATION_OF_DUTIES' });

    const reviewer = await hub.as('COUNTY_OFFICER', county, undefined, 'officer-two');
    expect((await review(reviewer, proposed.id)).errors).toBeUndefined();
    expect(errorCode(await decide(reviewer, proposed.id))).toBe('FORBIDDEN');
    expect(errorCode(await decide(proposer, proposed.id))).toBe('FORBIDDEN');
    expect(await statusOf(h.id)).toBe('POOR');
    // A third person decides.
    expect((await decide(await countyOfficer(), proposed.id)).data!.decideStatusChange.step).toBe('APPROVED');
  });

  test('when a reviewer of another township acts, or one whose jurisdiction is a village, or a decider below the county', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    const otherTownship = `${county.slice(0, 6)}${township.slice(6, 9) === '998' ? '997' : '998'}000`;
    await s.region(otherTownship);
    expect(errorCode(await review(await hub.as('CASEWORKER', otherTownship), proposed.id))).toBe('FORBIDDEN');
    expect(errorCode(await review(await caseworker(), proposed.id))).toBe('FORBIDDEN');
    expect(errorCode(await review(await hub.as('CASEWORKER', '520300000000'), proposed.id))).toBe('FORBIDDEN');
    expect((await review(await townshipReviewer(), proposed.id)).errors).toBeUndefined();
    expect(errorCode(await decide(await hub.as('COUNTY_OFFICER', township), proposed.id))).toBe('FORBIDDEN');
    expect(errorCode(await decide(await hub.as('CASEWORKER', county), proposed.id))).toBe('FORBIDDEN');
    expect(await statusOf(h.id)).toBe('POOR');
  });

  test('before the notice period ends', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    // As a proposal of today with the default five days would have it.
    const ends = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    await sql(`update status_change_proposal set notice_ends_on = ? where id = ?`, [ends, proposed.id]);
    const published = await hub.client.data<{ statusChanges: { nodes: { id: string; step: string; noticeEndsOn: string }[] } }>(LIST, { regionCode: village, step: 'NOTICE' });
    expect(published.statusChanges.nodes).toEqual([expect.objectContaining({ id: proposed.id, step: 'NOTICE', noticeEndsOn: ends })]);
    const early = await review(await townshipReviewer(), proposed.id);
    expect(errorCode(early)).toBe('PROCEDURE_STEP');
    expect(early.errors![0]!.extensions).toMatchObject({ step: 'NOTICE', noticeEndsOn: ends });
    expect(errorCode(await decide(await countyOfficer(), proposed.id))).toBe('PROCEDURE_STEP');
    // Objections are still written down meanwhile.
    expect((await (await caseworker()).request(OBJECT, { id: proposed.id, objection: '公示期内异议' })).errors).toBeUndefined();
  });

  test('at the decision when a gap appeared meanwhile: EXIT_STANDARD_NOT_MET with its gaps, nothing written; the county then rejects it, and it is kept', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    await review(await townshipReviewer(), proposed.id);
    // During the procedure the income of 2020 is corrected below the line.
    await hub.client.data(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { input: { householdId: h.id, year: 2020, incomePerCapita: 3000 } });
    const refused = await decide(await countyOfficer(), proposed.id);
    expect(errorCode(refused)).toBe('EXIT_STANDARD_NOT_MET');
    expect(refused.errors![0]!.extensions).toMatchObject({ gaps: ['INCOME_BELOW_LINE'] });
    expect(await statusOf(h.id)).toBe('POOR');

    const rejected = await decide(await countyOfficer(), proposed.id, false);
    expect(rejected.data!.decideStatusChange).toMatchObject({ step: 'REJECTED', household: { status: 'POOR' } });
    const kept = await hub.client.data<{ statusChanges: { nodes: { id: string }[] } }>(LIST, { regionCode: village, step: 'REJECTED' });
    expect(kept.statusChanges.nodes.map((n) => n.id)).toContain(proposed.id);
    // A rejected proposal is no longer open: the household may be proposed again.
    expect((await (await caseworker()).request(PROPOSE, { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '再次评议' } })).errors?.[0]?.extensions?.code).toBe('EXIT_STANDARD_NOT_MET');
  });

  test('at proposal when the exit standard is not met, and a second open proposal for one household', async () => {
    const poor = await s.household({ villageCode: village });
    const refused = await (await caseworker()).request(PROPOSE, { input: { householdId: poor.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } });
    expect(errorCode(refused)).toBe('EXIT_STANDARD_NOT_MET');
    const h = await ready();
    await propose(await caseworker(), h.id);
    const second = await (await caseworker()).request(PROPOSE, { input: { householdId: h.id, toStatus: 'REMOVED', effectiveDate: '2020-12-20', reason: '识别错误' } });
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors![0]!.message).toContain('already has an open status change');
  });

  test('a township reviewer rejects: the procedure ends REJECTED, and the household stays as it was', async () => {
    const h = await ready();
    const proposed = await propose(await caseworker(), h.id);
    const rejected = await review(await townshipReviewer(), proposed.id, false);
    expect(rejected.data!.reviewStatusChange.step).toBe('REJECTED');
    expect(errorCode(await decide(await countyOfficer(), proposed.id))).toBe('PROCEDURE_STEP');
    expect(await statusOf(h.id)).toBe('POOR');
  });
});

describe('withdrawn (撤回)', () => {
  const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawStatusChange(id: $id, reason: $reason) { id step withdrawnBy withdrawalReason } }`;

  test('by its proposer or the county office while open, kept WITHDRAWN; not by another caseworker, not once decided', async () => {
    const h = await ready();
    const proposer = await caseworker('withdrawing-cadre');
    const first = await propose(proposer, h.id);
    expect(errorCode(await (await caseworker()).request(WITHDRAW, { id: first.id, reason: '撤回' }))).toBe('FORBIDDEN');
    const withdrawn = await proposer.data<{ withdrawStatusChange: any }>(WITHDRAW, { id: first.id, reason: '户主申请撤回' });
    expect(withdrawn.withdrawStatusChange).toEqual({ id: first.id, step: 'WITHDRAWN', withdrawnBy: 'withdrawing-cadre', withdrawalReason: '户主申请撤回' });
    expect(errorCode(await review(await townshipReviewer(), first.id))).toBe('PROCEDURE_STEP');
    // Kept, and no longer open: proposed again, withdrawn by the county office, proposed once more and decided.
    const second = await propose(await caseworker(), h.id);
    expect((await (await countyOfficer()).data<{ withdrawStatusChange: any }>(WITHDRAW, { id: second.id, reason: '材料不全' })).withdrawStatusChange.step).toBe('WITHDRAWN');
    const third = await propose(await caseworker(), h.id);
    await review(await townshipReviewer(), third.id);
    await decide(await countyOfficer(), third.id);
    expect(errorCode(await proposer.request(WITHDRAW, { id: third.id, reason: '撤回' }))).toBe('PROCEDURE_STEP');
    const kept = await hub.client.data<{ household: { statusChanges: { step: string }[] } }>(`query($id: ID!) { household(id: $id) { statusChanges { step } } }`, { id: h.id });
    expect(kept.household.statusChanges.map((c) => c.step)).toEqual(['WITHDRAWN', 'WITHDRAWN', 'APPROVED']);
  });
});

describe('changeHouseholdStatus keeps the changes that need no procedure', () => {
  test('to LIFTED, RELAPSED and REMOVED it answers PROCEDURE_REQUIRED; LIFTED <-> MONITORED it makes; a caseworker makes none', async () => {
    const h = await ready();
    const change = (status: string, effectiveDate = '2020-12-20', client = hub.client) => client.request<{ changeHouseholdStatus: { status: string } }>(CHANGE, { input: { householdId: h.id, status, effectiveDate, reason: '动态管理' } });
    expect(errorCode(await change('LIFTED'))).toBe('PROCEDURE_REQUIRED');
    expect(errorCode(await change('REMOVED'))).toBe('PROCEDURE_REQUIRED');
    const proposed = await propose(await caseworker(), h.id);
    await review(await townshipReviewer(), proposed.id);
    await decide(await countyOfficer(), proposed.id);
    expect(errorCode(await change('RELAPSED', '2021-03-01'))).toBe('PROCEDURE_REQUIRED');
    expect(errorCode(await change('MONITORED', '2021-03-01', await caseworker()))).toBe('FORBIDDEN');
    expect((await change('MONITORED', '2021-03-01', await countyOfficer())).data!.changeHouseholdStatus.status).toBe('MONITORED');
    expect((await change('LIFTED', '2021-09-01', await countyOfficer())).data!.changeHouseholdStatus.status).toBe('LIFTED');
  });

  test('a relapse goes straight to the county decision and appends RELAPSED', async () => {
    const h = await ready();
    const exit = await propose(await caseworker(), h.id);
    await review(await townshipReviewer(), exit.id);
    await decide(await countyOfficer(), exit.id);
    const relapse = await propose(await caseworker(), h.id, 'RELAPSED', '2021-05-01');
    expect(relapse).toMatchObject({ step: 'COUNTY', noticeEndsOn: null });
    const decided = await decide(await countyOfficer(), relapse.id);
    expect(decided.data!.decideStatusChange.household.statusHistory.map((e: any) => e.status)).toEqual(['POOR', 'LIFTED', 'RELAPSED']);
  });

  test('an at-risk household (边缘户) is registered straight as MONITORED and cannot end its monitoring as LIFTED', async () => {
    const input = { ...s.householdInput({ villageCode: village }), initialStatus: 'MONITORED' };
    const { registerHousehold } = await hub.client.data<{ registerHousehold: any }>(
      `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id status statusHistory { status reason } } }`,
      { input },
    );
    expect(registerHousehold).toMatchObject({ status: 'MONITORED', statusHistory: [{ status: 'MONITORED', reason: '边缘户 registered at risk' }] });
    const res = await hub.client.request(CHANGE, { input: { householdId: registerHousehold.id, status: 'LIFTED', effectiveDate: '2020-12-20', reason: '监测结束' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const lifted = await hub.client.request(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, { input: { ...s.householdInput({ villageCode: village }), initialStatus: 'LIFTED' } });
    expect(errorCode(lifted)).toBe('BAD_USER_INPUT');
  });
});

describe('the work lists', () => {
  test('a region and below, oldest first, page by page, within the caller’s jurisdiction; stalled ones on their own', async () => {
    const v2 = await s.village();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const h = await s.household({ villageCode: v2 });
      await meetExitStandard(hub.client, h);
      ids.push((await propose(await hub.as('CASEWORKER', v2), h.id)).id);
    }
    const page = async (client: GraphQLClient, after?: string | null) =>
      (await client.data<{ statusChanges: any }>(LIST, { regionCode: v2, step: 'TOWNSHIP', first: 2, after })).statusChanges;
    const first = await page(hub.client);
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: any) => n.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(hub.client, first.pageInfo.endCursor);
    expect(second.nodes.map((n: any) => n.id)).toEqual(ids.slice(2));
    expect(second.pageInfo.hasNextPage).toBe(false);
    // Another county's officer may not list them; one of the county lists them all.
    expect(errorCode(await (await hub.as('COUNTY_OFFICER', '520300000000')).request(LIST, { regionCode: v2 }))).toBe('FORBIDDEN');
    expect((await page(await hub.as('COUNTY_OFFICER', county))).totalCount).toBe(3);

    const STALLED = `query($code: ID!) { statusChanges(regionCode: $code, stalledOnly: true) { totalCount nodes { id stalled } } }`;
    expect((await hub.client.data<{ statusChanges: any }>(STALLED, { code: v2 })).statusChanges.totalCount).toBe(0);
    await sql(`update status_change_proposal set step_since = now() - interval '40 days' where id = ?`, [ids[1]]);
    expect((await hub.client.data<{ statusChanges: any }>(STALLED, { code: v2 })).statusChanges).toEqual({ totalCount: 1, nodes: [{ id: ids[1], stalled: true }] });
  });
});
