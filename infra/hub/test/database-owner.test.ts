import { loadSubgraph, PersonalDataCipher, rosterReaderUrl, type RunningSubgraph, startSubgraph } from '@fupin/kit';
import { ensureDatabase, freePort, type RunningPostgres, startPostgres } from '@fupin/postgres';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { subgraphOwnerUrl } from '../src/database-owner.js';

// A data folder from before the owner roles: the registry and a department ran as the
// server's admin, so their tables, functions, publication, subscription and roles are the
// admin's. The hub hands them to each database's owner role, and both start again as it.
let dir: string;
let server: RunningPostgres;
const running: RunningSubgraph[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fupin-owner-'));
  await chmod(dir, 0o755); // the postgres user must reach the data folder below it
  server = await startPostgres({ dataDir: join(dir, 'data'), port: await freePort() });
});
afterAll(async () => {
  for (const s of running.reverse()) await s.stop().catch(() => {});
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const admin = async <R extends pg.QueryResultRow>(database: string, sql: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: new URL(`/${database}`, server.url).toString() });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
};

test('objects made as the admin are handed to the owner roles, and the registry and a department start again as them', async () => {
  const [{ def: registry }, { def: health }] = [await loadSubgraph('households'), await loadSubgraph('health-insurance')];
  const gatewaySecret = randomBytes(32).toString('base64url');
  const piiKey = PersonalDataCipher.newKey();
  const blindIndexKey = PersonalDataCipher.blindIndexKey(piiKey);
  const registryAdminUrl = await ensureDatabase(server.url, 'fupin_households');
  const healthAdminUrl = await ensureDatabase(server.url, 'fupin_health_insurance');
  const start = async (def: typeof registry, databaseUrl: string, extra: object) => {
    const s = await startSubgraph(def, { databaseUrl, port: 0, gatewaySecret, ...extra });
    running.push(s);
    return s;
  };
  // Before: everything as the admin.
  const before = await start(registry, registryAdminUrl, { piiKey });
  await (await start(health, healthAdminUrl, { blindIndexKey, roster: { sourceUrl: registryAdminUrl, startWaitMs: 30_000, maxLagMs: 30_000 } })).stop();
  await before.stop();
  running.length = 0;

  const registryOwner = await subgraphOwnerUrl(server.url, 'fupin_households', 'registry role secret', 'registry');
  const healthOwner = await subgraphOwnerUrl(server.url, 'fupin_health_insurance', 'health role secret', 'department');
  const notOwned = (database: string, owner: string) =>
    admin<{ name: string }>(
      database,
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'S', 'v', 'm') and pg_get_userbyid(c.relowner) <> '${owner}'
       union all select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '${owner}'
       union all select pubname from pg_publication where pg_get_userbyid(pubowner) <> '${owner}'
       union all select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database()) and pg_get_userbyid(subowner) <> '${owner}'`,
    );
  expect(await notOwned('fupin_households', 'fupin_households_owner')).toEqual([]);
  expect(await notOwned('fupin_health_insurance', 'fupin_health_insurance_owner')).toEqual([]);
  expect(await admin('postgres', `select rolname, rolsuper, rolreplication, rolcreaterole from pg_roles where rolname like 'fupin\\_%\\_owner' order by rolname`)).toEqual([
    { rolname: 'fupin_health_insurance_owner', rolsuper: false, rolreplication: false, rolcreaterole: true },
    { rolname: 'fupin_households_owner', rolsuper: false, rolreplication: true, rolcreaterole: true },
  ]);

  // After: as the owners, the department replicating as the roster reader.
  const after = await start(registry, registryOwner, { piiKey, roleSecret: 'registry role secret' });
  expect(after.rosterReaderUrl).toBe(rosterReaderUrl(registryOwner, 'registry role secret'));
  const department = await start(health, healthOwner, { blindIndexKey, roleSecret: 'health role secret', roster: { sourceUrl: after.rosterReaderUrl!, startWaitMs: 30_000, maxLagMs: 30_000 } });
  const ready = await (await fetch(`${department.url}/health/ready`)).json();
  expect(ready).toMatchObject({ status: 'ready', roster: { state: 'CURRENT' } });
  // The department's owner is kept out of the registry's database altogether.
  const intruder = new pg.Client({ connectionString: new URL('/fupin_households', healthOwner).toString() });
  intruder.on('error', () => {});
  await expect(intruder.connect()).rejects.toMatchObject({ code: '42501' });
  await intruder.end().catch(() => {});
});
