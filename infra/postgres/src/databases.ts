import pg from 'pg';

/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database on first start; a no-op afterwards. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  if (!NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } catch (err) {
        // Two processes starting at once may race to create it; the loser is fine.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  // Replication holds a database: its subscriptions are dropped without touching their
  // (maybe gone) publisher, and slots others hold on it are dropped.
  const own = new pg.Client({ connectionString: databaseUrl(serverUrl, database) });
  try {
    await own.connect();
    const { rows } = await own.query<{ subname: string }>('select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())');
    for (const { subname } of rows) {
      await own.query(`alter subscription "${subname}" disable`);
      await own.query(`alter subscription "${subname}" set (slot_name = none)`);
      await own.query(`drop subscription "${subname}"`);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err; // no such database: nothing to drop
  } finally {
    await own.end().catch(() => {});
  }
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = $1 and not active`, [database]);
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    // The roles a subgraph made for it: its serving role, the registry's roster reader (see the kit's app-role, roster-reader) and the owner role the hub made (see the hub's database-owner).
    for (const suffix of ['app', 'roster', 'owner']) await client.query(`DROP ROLE IF EXISTS "${`${database}_${suffix}`.slice(0, 63)}"`);
  } finally {
    await client.end();
  }
}
