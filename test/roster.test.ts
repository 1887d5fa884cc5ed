import { awaitRosterMember, ROSTER_REPLICA_MIGRATIONS, subscribeToRoster } from '@fupin/kit';
import { awaitInReplica, meetExitStandard, migratedTestDatabase, seed, throughProcedure } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// The registry publishes a narrow roster; a department database keeps a replica of it by
// PostgreSQL logical replication, catching up after each registration and status change.
let hub: Awaited<ReturnType<typeof startHub>>;
let department: Awaited<ReturnType<typeof migratedTestDatabase>>;

beforeAll(async () => {
  hub = await startHub();
  department = await migratedTestDatabase('dept', { entities: [], migrations: ROSTER_REPLICA_MIGRATIONS });
});
afterAll(async () => {
  await department?.drop();
  await hub?.stop();
});

const replica = (sql: string, params: unknown[] = []) => department.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);

test('existing members are copied, new registrations and status changes follow', async () => {
  const s = seed(hub.client);
  const village = await s.village();
  const before = await s.household({ villageCode: village, type: 'DIBAO', members: [{ relationToHead: 'HEAD', laborCapacity: 'SKILLED' }, { relationToHead: 'SPOUSE' }] });
  await subscribeToRoster(department.url, hub.subgraphs.households!.ownerUrl, `roster_${Date.now()}`);

  const present = (memberId: string) => awaitInReplica(department.orm, memberId);
  expect(await present(before.members[1]!.id)).toBe(true);
  const [row] = await replica('select * from roster where member_id = ?', [before.members[0]!.id]);
  expect(row).toMatchObject({ household_id: before.id, village_code: village, labor_capacity: 'SKILLED', household_type: 'DIBAO', household_status: 'POOR', id_number_index: hub.pii.blindIndex(before.members[0]!.idNumber), household_number: before.householdNumber, is_head: true });
  // Narrow: no name, no ID number.
  expect(Object.keys(row!).sort()).toEqual(['birth_date', 'ever_poor', 'health_status', 'household_id', 'household_number', 'household_status', 'household_type', 'id_number_index', 'is_head', 'joined_on', 'labor_capacity', 'left_on', 'member_id', 'village_code']);

  const after = await s.household({ villageCode: village });
  expect(await present(after.members[0]!.id)).toBe(true);

  await meetExitStandard(hub.client, after);
  await throughProcedure(hub, after.id, 'LIFTED', '2020-12-01');
  const lifted = await awaitRosterMember(async () => (await replica(`select 1 from roster where household_id = ? and household_status = 'LIFTED'`, [after.id])).length === after.members.length, { timeoutMs: 15000 });
  expect(lifted).toBe(true);
});
