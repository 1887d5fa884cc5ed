import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  AUDIT_MIGRATION,
  awaitRosterApplied,
  awaitRosterCaughtUp,
  awaitRosterMember,
  type Caller,
  Roster,
  ROSTER_REPLICA_MIGRATIONS,
  ROSTER_TABLE_V1,
  ROSTER_TABLE_V2_COLUMNS,
  RosterMemberEntity,
  rosterOf,
  subscribeToRoster,
  type SubgraphContext,
  visibleHouseholdRef,
  visibleMemberRef,
} from '../src/index.js';
import { awaitInReplica, createTestDatabase, migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

// A department's replica of the registry's roster, over real PostgreSQL and real logical
// replication: what it lets a department write and read, and how it waits for the registry.
let registry: TestDatabase;
let department: TestDatabase & { orm: MikroORM };
let publisher: pg.Pool;
const SUBSCRIPTION = `roster_kit_${randomUUID().slice(0, 8)}`;

const jiangxia: Caller = { subject: 'officer', role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'HEALTH_INSURANCE' };
const village = '420115101201';
const elsewhere = '420116101201';

async function register(villageCode: string, householdId = randomUUID()): Promise<{ memberId: string; householdId: string }> {
  const memberId = randomUUID();
  await publisher.query(
    `insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index) values ($1, $2, $3, '1980-01-01', 'ORDINARY', 'HEALTHY', 'GENERAL', 'POOR', null)`,
    [memberId, householdId, villageCode],
  );
  return { memberId, householdId };
}
const inReplica = (memberId: string) => awaitInReplica(department.orm, memberId);
const roster = (waitMs = 300) => new Roster(department.orm.em.fork() as EntityManager, { pool: publisher, waitMs });
const context = (caller: Caller, r = roster()): SubgraphContext => ({ em: department.orm.em.fork() as EntityManager, caller, requestId: 'r', loaders: {}, blindIndex: undefined as never, settings: {}, peers: undefined as never, roster: r });
const refusals = async () => (await department.orm.em.fork().getConnection().execute<{ action: string; subject_id: string }[]>(`select action, subject_id from audit_log where outcome = 'REFUSED' order by id`)).map((r) => [r.action, r.subject_id]);

beforeAll(async () => {
  registry = await createTestDatabase('kit_registry');
  publisher = new pg.Pool({ connectionString: registry.url, max: 2 });
  await publisher.query(ROSTER_TABLE_V1);
  await publisher.query(ROSTER_TABLE_V2_COLUMNS);
  await publisher.query('create publication fupin_roster for table roster');
  department = await migratedTestDatabase('kit_department', { entities: [RosterMemberEntity], migrations: [AUDIT_MIGRATION, ...ROSTER_REPLICA_MIGRATIONS] });
});
afterAll(async () => {
  await department?.drop();
  await publisher?.end();
  await registry?.drop();
});

test('a subscription copies the registry roster and follows it; subscribing again changes nothing', async () => {
  const before = await register(village);
  await subscribeToRoster(department.url, registry.url, SUBSCRIPTION);
  await subscribeToRoster(department.url, registry.url, SUBSCRIPTION);
  expect(await inReplica(before.memberId)).toBe(true);
  const after = await register(elsewhere);
  expect(await inReplica(after.memberId)).toBe(true);
  await awaitRosterCaughtUp(department.url, registry.url, { timeoutMs: 15_000 });
  const subscriptions = await department.orm.em.fork().getConnection().execute('select subname from pg_subscription where subname = ?', [SUBSCRIPTION]);
  expect(subscriptions).toHaveLength(1);
  await expect(subscribeToRoster(department.url, registry.url, 'Bad-Name')).rejects.toThrow('bad subscription name Bad-Name');
});

test('a registry address with a quote and a backslash in its password is quoted as one literal: subscribed, followed, and subscribed again', async () => {
  // A role of its own whose password would end the SQL literal (') or escape it (\) if the
  // connection string were pasted into CREATE/ALTER SUBSCRIPTION as it is.
  const role = `roster_reader_${randomUUID().slice(0, 8)}`;
  const password = "it's\\'; drop table roster; --";
  await publisher.query(`create role "${role}" login replication password ${pg.escapeLiteral(password)}`);
  await publisher.query(`grant select on roster to "${role}"`);
  const url = new URL(registry.url);
  url.username = role;
  url.password = password;
  const quoted = await migratedTestDatabase('kit_quoted', { entities: [RosterMemberEntity], migrations: [AUDIT_MIGRATION, ...ROSTER_REPLICA_MIGRATIONS] });
  const name = `roster_quoted_${randomUUID().slice(0, 8)}`;
  try {
    const member = await register(village);
    await subscribeToRoster(quoted.url, url.toString(), name);
    await subscribeToRoster(quoted.url, url.toString(), name);
    const [sub] = await quoted.orm.em.fork().getConnection().execute<{ subconninfo: string }[]>('select subconninfo from pg_subscription where subname = ?', [name]);
    expect(sub!.subconninfo).toBe(url.toString());
    expect(url.toString()).toContain("it's");
    expect(await awaitInReplica(quoted.orm, member.memberId)).toBe(true);
    // The registry's roster is still there (nothing the password held ran as SQL).
    expect((await publisher.query('select count(*)::int as n from roster')).rows[0].n).toBeGreaterThan(0);
  } finally {
    await quoted.drop();
  }
});

test('waiting for a member gives up after its time; catching up says what it has', async () => {
  const started = Date.now();
  expect(await awaitRosterMember(async () => false, { timeoutMs: 200, intervalMs: 50 })).toBe(false);
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  let calls = 0;
  expect(await awaitRosterMember(async () => ++calls === 3, { timeoutMs: 5_000, intervalMs: 10 })).toBe(true);
  expect(calls).toBe(3);
  // A test's setup waiting for a member that never comes fails there, saying what it waited for.
  const nobody = randomUUID();
  await expect(awaitInReplica(department.orm, nobody, 300)).rejects.toThrow(`member ${nobody} did not reach the roster replica of ${department.orm.config.get('dbName')} within 300 ms`);
  // A replica that is never complete: a row only the department has.
  const conn = department.orm.em.fork().getConnection();
  const stray = randomUUID();
  await conn.execute(`insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status) values (?, ?, ?, '1980-01-01', 'ORDINARY', 'HEALTHY', 'GENERAL', 'POOR')`, [stray, randomUUID(), village]);
  const seen: [number, number][] = [];
  await expect(awaitRosterCaughtUp(department.url, registry.url, { timeoutMs: 600, onWait: (have, want) => seen.push([have, want]) })).rejects.toThrow(/the roster replica has \d+ of \d+ members after waiting/);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0]![0]).toBe(seen[0]![1] + 1);
  await conn.execute('delete from roster where member_id = ?', [stray]);
});

test('applied: a copy that was off is waited for until it has what the registry wrote (a change of address counts the same); a disabled one is refused', async () => {
  const conn = department.orm.em.fork().getConnection();
  const member = await register(village);
  expect(await inReplica(member.memberId)).toBe(true);
  await conn.execute(`alter subscription "${SUBSCRIPTION}" disable`);
  // Its apply worker gone, nothing more arrives until it is enabled again.
  for (let i = 0; (await conn.execute<{ pid: number | null }[]>('select pid from pg_stat_subscription where subname = ?', [SUBSCRIPTION]))[0]?.pid != null; i++) {
    if (i > 300) throw new Error('the apply worker did not stop');
    await new Promise((r) => setTimeout(r, 100));
  }
  await expect(awaitRosterApplied(department.url, registry.url, { timeoutMs: 1000 })).rejects.toThrow(`the roster subscription ${SUBSCRIPTION} is disabled`);
  await publisher.query('update roster set village_code = $1 where member_id = $2', [elsewhere, member.memberId]);
  await conn.execute(`alter subscription "${SUBSCRIPTION}" enable`);
  const waits: string[] = [];
  await awaitRosterApplied(department.url, registry.url, { timeoutMs: 60_000, onWait: (what) => waits.push(what) });
  expect(await conn.execute('select village_code from roster where member_id = ?', [member.memberId])).toEqual([{ village_code: elsewhere }]);
  expect(waits.every((w) => w.startsWith('applying up to '))).toBe(true);
});

describe('writes', () => {
  test('a member in the writer\'s jurisdiction is writable; elsewhere FORBIDDEN', async () => {
    const home = await register(village);
    const away = await register(elsewhere);
    await inReplica(home.memberId);
    await inReplica(away.memberId);
    const r = roster();
    const em = department.orm.em.fork() as EntityManager;
    expect(await r.requireWritableMember(em, home.memberId, jiangxia)).toMatchObject({ memberId: home.memberId, villageCode: village, householdId: home.householdId });
    await expect(r.requireWritableMember(em, away.memberId, jiangxia)).rejects.toMatchObject({ message: 'member is outside your jurisdiction', extensions: { code: 'FORBIDDEN' } });
  });

  test('no such member: NOT_FOUND at once, whether or not the id is one', async () => {
    const em = department.orm.em.fork() as EntityManager;
    for (const id of ['nobody', randomUUID()]) {
      const started = Date.now();
      await expect(roster(5_000).requireWritableMember(em, id, jiangxia)).rejects.toMatchObject({ message: 'member not found', extensions: { code: 'NOT_FOUND', field: 'memberId' } });
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  });

  test('registered a moment ago: waited for; still missing after the wait, ROSTER_BEHIND and retryable', async () => {
    const sub = (state: 'enable' | 'disable') => department.orm.em.fork().getConnection().execute(`alter subscription "${SUBSCRIPTION}" ${state}`);
    await sub('disable');
    try {
      const lagging = await register(village);
      const em = department.orm.em.fork() as EntityManager;
      const started = Date.now();
      const err = await roster(400).requireWritableMember(em, lagging.memberId, jiangxia).catch((e: unknown) => e);
      expect(err).toMatchObject({ extensions: { code: 'ROSTER_BEHIND', retryable: true } });
      expect((err as Error).message).toBe('the member was registered a moment ago and has not reached this department yet; retry in a few seconds');
      expect((err as { extensions: { waitedMs: number } }).extensions.waitedMs).toBeGreaterThanOrEqual(400);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      // It arrives while a write waits: the write goes on.
      const waiting = roster(15_000).requireWritableMember(department.orm.em.fork() as EntityManager, lagging.memberId, jiangxia);
      await sub('enable');
      expect(await waiting).toMatchObject({ memberId: lagging.memberId });
    } finally {
      await sub('enable');
    }
  });
});

describe('references', () => {
  test('a member or household outside the caller\'s jurisdiction is FORBIDDEN and audited; unknown ones pass as keys; non-ids are null', async () => {
    const home = await register(village);
    const away = await register(elsewhere);
    await inReplica(home.memberId);
    await inReplica(away.memberId);
    const ctx = context(jiangxia);
    expect(await visibleMemberRef(ctx, home.memberId)).toEqual({ id: home.memberId });
    expect(await visibleHouseholdRef(ctx, home.householdId)).toEqual({ id: home.householdId });
    const unknown = randomUUID();
    expect(await visibleMemberRef(ctx, unknown)).toEqual({ id: unknown });
    expect(await visibleHouseholdRef(ctx, unknown)).toEqual({ id: unknown });
    expect(await visibleMemberRef(ctx, 'nobody')).toBeNull();
    expect(await visibleHouseholdRef(ctx, 'nobody')).toBeNull();
    const before = (await refusals()).length;
    await expect(visibleMemberRef(ctx, away.memberId)).rejects.toMatchObject({ message: 'member is outside your jurisdiction', extensions: { code: 'FORBIDDEN' } });
    await expect(visibleHouseholdRef(ctx, away.householdId)).rejects.toMatchObject({ message: 'household is outside your jurisdiction', extensions: { code: 'FORBIDDEN' } });
    expect((await refusals()).slice(before)).toEqual([['read Member', away.memberId], ['read Household', away.householdId]]);
  });

  test('a page of references is one query each way; a household lists its members in order', async () => {
    const household = randomUUID();
    const members = [await register(village, household), await register(village, household)];
    for (const m of members) await inReplica(m.memberId);
    let statements = 0;
    const em = department.orm.em.fork() as EntityManager;
    const r = new Roster(em, { pool: publisher, waitMs: 0 });
    const spy = em.getConnection().execute.bind(em.getConnection());
    em.getConnection().execute = ((...a: Parameters<typeof spy>) => {
      statements++;
      return spy(...a);
    }) as typeof spy;
    const found = await Promise.all(members.map((m) => r.byMember.load(m.memberId)));
    expect(found.map((m) => m?.memberId)).toEqual(members.map((m) => m.memberId));
    expect((await r.byHousehold.load(household)).map((m) => m.memberId)).toEqual(members.map((m) => m.memberId).sort());
    expect(await r.byHousehold.load(randomUUID())).toEqual([]);
    expect(statements).toBeLessThanOrEqual(3);
  });

  test('a subgraph without a roster says so', () => {
    expect(() => rosterOf({ ...context(jiangxia), roster: undefined } as SubgraphContext)).toThrow('this subgraph does not keep a roster (set `roster: true` in its definition)');
  });
});
