import { rosterSubscriptionName, ReplicaWatch, subscribeToRoster } from '@fupin/kit';
import { awaitInReplica, awaitInReplicas, seed, type SeededHousehold } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';
import { type OwnPostgres, ownPostgres } from './support/own-postgres.js';

// The roster under faults. A department away from the registry's replication (its database
// down, its subscription stopped) falls behind: it answers ROSTER_BEHIND (through the gateway
// DEPARTMENT_UNAVAILABLE, reason ROSTER_BEHIND), retryable, and is not ready, while the
// registry and every other department answer; it catches up by itself when it is back.
// A department away so long that the registry gave up the WAL it kept for it
// (max_slot_wal_keep_size) copies the roster again, keeping its own records.
const SLOT_WAL_KEEP_MB = 64;
const MAX_LAG_MS = 1000;
let postgres: OwnPostgres;
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;
let villageCode: string;
let s: ReturnType<typeof seed>;

beforeAll(async () => {
  // A server of this file's own: slots are given up after 64 MB of WAL, which must not touch other files' hubs.
  postgres = await ownPostgres('slots', { slotWalKeepMb: SLOT_WAL_KEEP_MB });
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } }, { replica: { maxLagMs: MAX_LAG_MS, checkEveryMs: 100 } });
  s = seed(hub.client);
  villageCode = await s.village();
  h = await s.household({ villageCode });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
}, 120_000);
afterAll(async () => {
  await hub?.stop().catch(() => {});
  await postgres?.release();
});

interface Answer {
  data?: { household: any } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}
const HOUSEHOLD_VIEW = contractOperation('HouseholdView');
const view = (id = h.id) => hub.client.request(HOUSEHOLD_VIEW, { id, year: 2020 }) as Promise<Answer>;
const CLAIM = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`;
const claimFor = (memberId: string) => ({
  input: { memberId, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: '12.00', basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
});
const CONSULTED = `query($id: ID!) { household(id: $id) { coverage(year: 2020) { exitEligible consulted { source consulted unavailableReason } } } }`;
const GRANTS = `query($id: ID!) { member(id: $id) { grants { id } } }`;

const subscription = (name: string) => rosterSubscriptionName(hub.subgraphs[name]!.ownerUrl);
const setSubscription = (name: string, state: 'enable' | 'disable') => ownerQuery(hub, name, `alter subscription "${subscription(name)}" ${state}`);
interface Health {
  /** The HTTP status. */
  code: number;
  status: string;
  roster?: { state: string; resyncs: number };
  subgraphs?: Record<string, string>;
}
const health = async (url: string): Promise<Health> => {
  const res = await fetch(new URL('/health/ready', url));
  return { code: res.status, ...((await res.json()) as Omit<Health, 'code'>) };
};
const ready = (name: string) => health(hub.subgraphs[name]!.url);

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a department cut off from the roster answers ROSTER_BEHIND (retryable, DEPARTMENT_UNAVAILABLE through the gateway) while the rest answers, and catches up by itself', async () => {
  await setSubscription('health-insurance', 'disable');
  let back = false;
  try {
    // Registered while health cannot hear of it.
    const newcomer = await s.household({ villageCode });
    const behind = await until('health to say it is behind', async () => {
      const res = await view();
      return res.errors?.some((e) => e.extensions?.reason === 'ROSTER_BEHIND' && e.extensions.affects) && res;
    });
    // The registry's data and every other department's are there; health's fields are null.
    expect(behind.data!.household).toMatchObject({ id: h.id, status: 'POOR' });
    expect(behind.data!.household.medical).toBeNull();
    expect(behind.data!.household.members.every((m: any) => m.claims === null && m.insurance === null)).toBe(true);
    expect(behind.data!.household.members.some((m: any) => Array.isArray(m.grants))).toBe(true);
    // One error for each of health's fetches (the members' fields, the household's), each naming it and the fields it leaves null.
    const fetches = behind.errors!.filter((e) => e.extensions!.affects);
    expect(fetches.map((e) => e.extensions!.affects).flat().sort()).toEqual(['household.medical', 'household.members.claims', 'household.members.insurance']);
    for (const e of fetches) {
      expect(e.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', reason: 'ROSTER_BEHIND', department: 'health-insurance', retryable: true });
      expect(e.path?.join('.')).toBe(e.extensions!.affects[0]);
    }
    // The registry's coverage lists health as not consulted, and why.
    const coverage = await hub.client.request<{ household: any }>(CONSULTED, { id: h.id });
    const healthConsulted = coverage.data!.household.coverage.consulted.find((c: any) => c.source === 'HEALTH_INSURANCE');
    expect(healthConsulted).toEqual(expect.objectContaining({ consulted: false, unavailableReason: expect.stringContaining('ROSTER_BEHIND') }));
    // A write is refused the same way, and writes nothing; the service serves, but is not ready.
    const refused = await hub.client.request(CLAIM, claimFor(newcomer.members[0]!.id));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', reason: 'ROSTER_BEHIND', retryable: true });
    expect(await ownerQuery(hub, 'health-insurance', 'select 1 from medical_claim where member_id = $1', [newcomer.members[0]!.id])).toHaveLength(0);
    expect(await ready('health-insurance')).toMatchObject({ code: 503, status: 'roster behind', roster: { state: 'CATCHING_UP' } });
    // Another department is current all along.
    expect((await hub.client.request(GRANTS, { id: newcomer.members[0]!.id })).errors).toBeUndefined();

    // A health service started now, with the backlog, knows it is behind before any sample ages.
    const restarted = new ReplicaWatch({ departmentUrl: hub.subgraphs['health-insurance']!.ownerUrl, registryUrl: hub.subgraphs.households!.ownerUrl, subscription: subscription('health-insurance'), maxLagMs: 60_000 });
    await restarted.start(300);
    expect(restarted.status.state).toBe('CATCHING_UP');

    await setSubscription('health-insurance', 'enable');
    back = true;
    await until('the restarted watch to see the replica current', async () => (await restarted.check(), restarted.status.state === 'CURRENT'));
    await restarted.stop();
    const caughtUp = await until('health to answer again', async () => {
      const res = await view();
      return !res.errors && res;
    });
    expect(caughtUp.data!.household.members[0].claims).toEqual(expect.any(Array));
    const written = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claimFor(newcomer.members[0]!.id));
    expect(written.errors).toBeUndefined();
    expect(written.data!.recordClaim.id).toEqual(expect.any(String));
  } finally {
    if (!back) await setSubscription('health-insurance', 'enable');
  }
}, 90_000);

const FOUR_ZEROS = contractOperation('RegionFourZeros');
const EXIT = `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id step } }`;
const atPath = (res: Answer, path: string) => res.errors?.filter((e) => e.path?.join('.') === path) ?? [];

test('a department behind is never silent: the contract’s coverage, an exit and a dashboard count carry DEPARTMENT_UNAVAILABLE at their paths beside what is known, and /health/ready is 503 until it has caught up', async () => {
  // A household whose only gap is in health's data: 5000.00 of 10000.00 paid out of pocket.
  const sick = await s.household({ villageCode });
  await awaitInReplicas(hub.subgraphs, sick.members.at(-1)!.id);
  const claim = claimFor(sick.members[0]!.id);
  const recorded = await hub.client.request(CLAIM, { input: { ...claim.input, date: '2020-05-01', kind: 'INPATIENT', totalCost: '10000.00', basicPaid: '5000.00' } });
  expect(recorded.errors).toBeUndefined();
  const current = await view(sick.id);
  expect(current.errors).toBeUndefined();
  expect(current.data!.household.coverage.gaps.map((g: any) => g.kind)).toContain('HIGH_MEDICAL_BURDEN');
  const dashboard = () => hub.client.request(FOUR_ZEROS, { code: villageCode, year: 2020 }) as Promise<Answer & { data: { region: any } }>;
  // Counted once 2020's figures are built (FIGURES_NOT_READY until then).
  const counted = await until('the counts of 2020', async () => {
    const res = await dashboard();
    return !res.errors && res;
  });
  expect(counted.data.region.fourZeros.highMedicalBurdenHouseholds).toBeGreaterThanOrEqual(1);
  expect(await health(hub.gatewayUrl)).toMatchObject({ code: 200, status: 'ready' });

  await setSubscription('health-insurance', 'disable');
  let back = false;
  try {
    await s.household({ villageCode }); // a change health does not hear of
    await until('health to be behind', async () => (await ready('health-insurance')).roster?.state === 'CATCHING_UP');
    expect(await ready('health-insurance')).toMatchObject({ code: 503, status: 'roster behind', roster: { state: 'CATCHING_UP' } });
    expect(await health(hub.gatewayUrl)).toMatchObject({ code: 503, status: 'not ready', subgraphs: { 'health-insurance': 'roster behind (CATCHING_UP)', households: 'ready', employment: 'ready' } });

    // The view's coverage: what the others know (no HIGH_MEDICAL_BURDEN, not exit-eligible), and where health's part is missing.
    const partial = await view(sick.id);
    expect(partial.data!.household.coverage.gaps.map((g: any) => g.kind)).not.toContain('HIGH_MEDICAL_BURDEN');
    expect(partial.data!.household.coverage.exitEligible).toBe(false);
    const atCoverage = atPath(partial, 'household.coverage');
    expect(atCoverage).toHaveLength(1);
    expect(atCoverage[0]!.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'health-insurance', reason: 'ROSTER_BEHIND', retryable: true });
    // An exit is refused, and says why the same way.
    const exit = (await hub.client.request(EXIT, { input: { householdId: sick.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } })) as Answer;
    expect(atPath(exit, 'proposeStatusChange').map((e) => [e.extensions!.code, e.extensions!.department, e.extensions!.reason]).sort()).toEqual([
      ['DEPARTMENT_UNAVAILABLE', 'health-insurance', 'ROSTER_BEHIND'],
      ['EXIT_STANDARD_NOT_MET', undefined, undefined],
    ]);
    // The dashboard: health's count null with the error at it, every other count there.
    const partialCount = await dashboard();
    expect(partialCount.data.region.fourZeros).toMatchObject({ highMedicalBurdenHouseholds: null, unsafeHousingHouseholds: expect.any(Number), dropoutMembers: expect.any(Number), zeroEmploymentHouseholds: expect.any(Number) });
    const atCount = atPath(partialCount, 'region.fourZeros.highMedicalBurdenHouseholds');
    expect(atCount).toHaveLength(1);
    expect(atCount[0]!.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'health-insurance', reason: 'ROSTER_BEHIND', retryable: true });

    await setSubscription('health-insurance', 'enable');
    back = true;
    await until('the hub to be ready again', async () => (await health(hub.gatewayUrl)).code === 200);
    expect(await ready('health-insurance')).toMatchObject({ code: 200, status: 'ready', roster: { state: 'CURRENT' } });
    const whole = await view(sick.id);
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.household.coverage.gaps.map((g: any) => g.kind)).toContain('HIGH_MEDICAL_BURDEN');
  } finally {
    if (!back) await setSubscription('health-insurance', 'enable');
  }
}, 90_000);

test('past max_slot_wal_keep_size the slot is given up, the registry keeps no more WAL for it, and the department copies the roster again, its own records kept', async () => {
  const name = subscription('education-aid');
  // A record of education's own, before the outage.
  const grant = await hub.client.request<{ recordGrant: { id: string } }>(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, {
    input: { memberId: h.members[0]!.id, program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: '1000.00', paidOn: '2020-09-01' },
  });
  expect(grant.errors).toBeUndefined();
  const resyncsBefore = (await ready('education-aid')).roster!.resyncs;

  await setSubscription('education-aid', 'disable');
  const newcomer = await s.household({ villageCode });
  // More WAL than the server keeps for a slot, then a checkpoint: the slot is given up.
  await ownerQuery(hub, 'households', `create table wal_filler as select g, repeat(md5(g::text), 30) as pad from generate_series(1, ${SLOT_WAL_KEEP_MB * 1100}) g`);
  await ownerQuery(hub, 'households', 'drop table wal_filler');
  await ownerQuery(hub, 'households', 'select pg_switch_wal()');
  await ownerQuery(hub, 'households', 'checkpoint');
  await until('the slot to be given up, or the department to have copied the roster again already', async () => {
    const [slot] = await ownerQuery<{ wal_status: string }>(hub, 'households', 'select wal_status from pg_replication_slots where slot_name = $1', [name]);
    return slot?.wal_status === 'lost' || (await ready('education-aid')).roster!.resyncs > resyncsBefore;
  });

  // The department notices by itself, copies the roster again and is current.
  const after = await until('education to copy the roster again', async () => {
    const r = await ready('education-aid');
    return r.roster!.resyncs > resyncsBefore && r.roster!.state === 'CURRENT' && r;
  });
  expect(after.status).toBe('ready');
  const [slot] = await ownerQuery<{ wal_status: string; active: boolean }>(hub, 'households', 'select wal_status, active from pg_replication_slots where slot_name = $1', [name]);
  expect(slot).toMatchObject({ wal_status: 'reserved', active: true });
  // Every member the registry has, the newcomer included; education's own grant kept.
  const [{ registry }] = await ownerQuery<{ registry: string }>(hub, 'households', 'select count(*) as registry from roster');
  const [{ replica }] = await ownerQuery<{ replica: string }>(hub, 'education-aid', 'select count(*) as replica from roster');
  expect(replica).toBe(registry);
  expect(await ownerQuery(hub, 'education-aid', 'select 1 from roster where member_id = $1', [newcomer.members[0]!.id])).toHaveLength(1);
  expect(await ownerQuery(hub, 'education-aid', 'select 1 from education_grant where id = $1', [grant.data!.recordGrant.id])).toHaveLength(1);
  const res = await hub.client.request(GRANTS, { id: newcomer.members[0]!.id });
  expect(res.errors).toBeUndefined();
}, 120_000);

test('a copy whose own slot lost its WAL is copied again (at a million households, four copies at once outgrew what the server keeps)', async () => {
  const name = subscription('housing-repair');
  const resyncsBefore = (await ready('housing-repair')).roster!.resyncs;
  // The slot a copy of the roster table holds until it has caught up, named as PostgreSQL names it.
  const [{ oid, relid }] = await ownerQuery<{ oid: string; relid: string }>(
    hub,
    'housing-repair',
    'select s.oid::text as oid, r.srrelid::text as relid from pg_subscription s join pg_subscription_rel r on r.srsubid = s.oid where s.subname = $1',
    [name],
  );
  const [{ sysid }] = await ownerQuery<{ sysid: string }>(hub, 'households', 'select system_identifier::text as sysid from pg_control_system()');
  const copySlot = `pg_${oid}_sync_${relid}_${sysid}`;
  await ownerQuery(hub, 'households', `select pg_create_logical_replication_slot($1, 'pgoutput')`, [copySlot]);
  // More WAL than the server keeps for it, then a checkpoint: the copy's slot is given up
  // (the departments' own slots, active, keep up).
  await ownerQuery(hub, 'households', `create table wal_filler as select g, repeat(md5(g::text), 30) as pad from generate_series(1, ${SLOT_WAL_KEEP_MB * 1100}) g`);
  await ownerQuery(hub, 'households', 'drop table wal_filler');
  await ownerQuery(hub, 'households', 'select pg_switch_wal()');
  await ownerQuery(hub, 'households', 'checkpoint');
  // Given up: still listed as lost, or already dropped by housing's watch when it saw it lost
  // (on a busy machine the filler takes longer than the watch's one-second look).
  const [lost] = await ownerQuery<{ wal_status: string }>(hub, 'households', 'select wal_status from pg_replication_slots where slot_name = $1', [copySlot]);
  expect(lost?.wal_status ?? 'dropped').toMatch(/^(lost|dropped)$/);
  // The table's copy is finished but not caught up: without its slot it never will be.
  await ownerQuery(hub, 'housing-repair', `update pg_subscription_rel set srsubstate = 'f' where srsubid = $1::oid`, [oid]);

  const after = await until('housing to copy the roster again', async () => {
    const r = await ready('housing-repair');
    return r.roster!.resyncs > resyncsBefore && r.roster!.state === 'CURRENT' && r;
  });
  expect(after.roster!.resyncs).toBe(resyncsBefore + 1);
  expect(await ownerQuery(hub, 'households', 'select 1 from pg_replication_slots where slot_name = $1', [copySlot])).toHaveLength(0);
  const [{ registry }] = await ownerQuery<{ registry: string }>(hub, 'households', 'select count(*) as registry from roster');
  const [{ replica }] = await ownerQuery<{ replica: string }>(hub, 'housing-repair', 'select count(*) as replica from roster');
  expect(replica).toBe(registry);
}, 120_000);

test('a subscription left pointing at an old address (the server started on another port) is pointed at the registry again when the department starts', async () => {
  const name = subscription('employment');
  const employment = hub.subgraphs.employment!;
  const dead = new URL(hub.subgraphs.households!.ownerUrl);
  dead.port = '1';
  await ownerQuery(hub, 'employment', `alter subscription "${name}" connection '${dead.toString()}'`);
  // No fixed wait: the registry's own view says when employment's worker has let go of its slot
  // (it restarts with the new address, where nothing answers).
  const slotActive = async () => (await ownerQuery<{ active: boolean }>(hub, 'households', 'select active from pg_replication_slots where slot_name = $1', [name]))[0]!.active;
  await until('employment to let go of its slot at the registry', async () => !(await slotActive()));
  const newcomer = await s.household({ villageCode });
  const [{ lsn }] = await ownerQuery<{ lsn: string }>(hub, 'households', 'select pg_current_wal_lsn()::text as lsn');
  // Nothing took the newcomer's change: the slot is still idle and has not confirmed past it, and the replica lacks it.
  expect(await slotActive()).toBe(false);
  expect(await ownerQuery(hub, 'households', 'select 1 from pg_replication_slots where slot_name = $1 and confirmed_flush_lsn < $2::pg_lsn', [name, lsn])).toHaveLength(1);
  expect(await ownerQuery(hub, 'employment', 'select 1 from roster where member_id = $1', [newcomer.members[0]!.id])).toHaveLength(0);
  // What every start does before serving.
  await subscribeToRoster(employment.ownerUrl, hub.subgraphs.households!.ownerUrl, name);
  expect(await awaitInReplica(employment.orm, newcomer.members[0]!.id)).toBe(true);
}, 60_000);
