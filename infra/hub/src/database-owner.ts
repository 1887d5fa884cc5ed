import { roleOf, rolePassword } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import pg from 'pg';

/**
 * A subgraph's database, owned by a role of its own, `<database>_owner`, which runs its
 * migrations and makes its serving role (CREATEROLE); a department's may subscribe to the
 * roster (`pg_create_subscription`); the registry's has REPLICATION, without which it could
 * not make its roster reader. Neither is a superuser nor has anything on another database:
 * the hub makes them with the server's admin URL, which no subgraph process is given.
 * Objects an earlier start made as the admin (tables, sequences, views, functions, the
 * publication, the subscription) are handed over, and the roles made then are put under
 * its administration, so upgrading a data folder needs no step. Returns the owner's URL.
 */
export async function subgraphOwnerUrl(serverUrl: string, database: string, roleSecret: string, kind: 'registry' | 'department'): Promise<string> {
  const url = new URL(databaseUrl(serverUrl, database));
  const { role } = roleOf(url.toString(), 'owner');
  const made = ['app', 'roster'].map((suffix) => roleOf(url.toString(), suffix).role);
  const password = rolePassword(roleSecret, role);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role "${role}" login; end if; end $$`);
    await admin.query(`alter role "${role}" with login createrole nosuperuser nocreatedb ${kind === 'registry' ? 'replication' : 'noreplication'} nobypassrls password '${password}'`);
    if (kind === 'department') await admin.query(`grant pg_create_subscription to "${role}"`);
    await admin.query(`alter database "${database}" owner to "${role}"`);
    // Another subgraph's roles have no business here, not even to connect (PUBLIC may by default).
    await admin.query(`revoke connect on database "${database}" from public`);
    for (const other of made) {
      await admin.query(`do $$ begin if exists (select from pg_roles where rolname = '${other}') then grant "${other}" to "${role}" with admin option, inherit false, set false; end if; end $$`);
    }
    // A DO block takes no parameters: the role reaches it as a session setting.
    await admin.query(`select set_config('fupin.owner', $1, false)`, [role]);
    await admin.query(ADOPT);
  } finally {
    await admin.end();
  }
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Everything in `public`, every publication and subscription of the database not yet the owner's (`fupin.owner`). */
const ADOPT = `
  do $$
  declare
    owner oid := (select oid from pg_roles where rolname = current_setting('fupin.owner'));
    r record;
  begin
    for r in
      select c.oid::regclass as name, case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end as kind
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relowner <> owner and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
         -- a column's sequence goes with its table
         and not exists (select from pg_depend d where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
    loop
      execute format('alter %s %s owner to %I', r.kind, r.name, current_setting('fupin.owner'));
    end loop;
    for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proowner <> owner loop
      execute format('alter routine %s owner to %I', r.name, current_setting('fupin.owner'));
    end loop;
    for r in select pubname from pg_publication where pubowner <> owner loop
      execute format('alter publication %I owner to %I', r.pubname, current_setting('fupin.owner'));
    end loop;
    for r in select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database()) and subowner <> owner loop
      execute format('alter subscription %I owner to %I', r.subname, current_setting('fupin.owner'));
    end loop;
  end $$`;
