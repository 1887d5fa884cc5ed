import { rosterReaderRole } from '@fupin/kit';
import { seed, startTestSubgraph, type TestSubgraph } from '@fupin/kit/testing';
import pg from 'pg';
import { households } from '../src/index.js';

// A department replicates the roster as the registry's roster reader: it may read the roster
// and follow its changes, and nothing else of the registry, whatever a compromised department
// does with the URL it is given.
let registry: TestSubgraph;
let reader: pg.Client;
beforeAll(async () => {
  registry = await startTestSubgraph(households);
  const s = seed(registry.as({ subject: 'test-admin', role: 'ADMIN', regionCode: '000000000000' }));
  await s.household({ villageCode: await s.village() });
  reader = new pg.Client({ connectionString: registry.rosterReaderUrl });
  await reader.connect();
});
afterAll(async () => {
  await reader?.end();
  await registry?.stop();
});

const refusal = (sql: string) => reader.query(sql).then(() => 'allowed', (err: { code?: string }) => err.code);

test('the roster reader is its own role, no superuser, and reads the roster', async () => {
  const url = new URL(registry.rosterReaderUrl!);
  expect(url.username).toBe(rosterReaderRole(registry.ownerUrl));
  expect(url.username).not.toBe(new URL(registry.ownerUrl).username);
  const { rows } = await reader.query<{ super: boolean; replication: boolean; member_id: string }>(
    'select r.rolsuper as super, r.rolreplication as replication, (select member_id::text from roster limit 1) as member_id from pg_roles r where r.rolname = current_user',
  );
  expect(rows[0]).toMatchObject({ super: false, replication: true, member_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
});

test.each(['select * from household', 'select * from member', 'select * from audit_log', 'select * from household_status_change', 'select * from mikro_orm_migrations'])('%s is refused to it (permission denied)', async (sql) => {
  expect(await refusal(sql)).toBe('42501');
});

test('it cannot write the roster', async () => {
  expect(await refusal(`delete from roster`)).toBe('42501');
  expect(await refusal(`update roster set village_code = '420115101201'`)).toBe('42501');
});

test('the publication it replicates carries the roster table alone', async () => {
  const { rows } = await reader.query<{ tablename: string }>(`select tablename from pg_publication_tables where pubname = 'fupin_roster'`);
  expect(rows.map((r) => r.tablename)).toEqual(['roster']);
});

test('what a subscription and the replica watch need of it: a slot made and dropped, the WAL position and the slots read', async () => {
  const slot = `t_${Date.now()}`;
  await reader.query(`select pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
  const { rows } = await reader.query<{ head: string; wal_status: string; keep: string }>(
    `select pg_current_wal_lsn()::text as head, s.wal_status, current_setting('max_slot_wal_keep_size') as keep
       from (select 1) one left join pg_replication_slots s on s.slot_name = $1`,
    [slot],
  );
  expect(rows[0]).toMatchObject({ head: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/), wal_status: 'reserved' });
  await reader.query('select pg_drop_replication_slot($1)', [slot]);
});
