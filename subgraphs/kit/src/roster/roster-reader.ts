import type { MikroORM } from '@mikro-orm/postgresql';
import { roleOf, rolePassword } from '../db/app-role.js';

/** The registry database's roster reader: `<database>_roster`. */
export const rosterReaderRole = (registryUrl: string) => roleOf(registryUrl, 'roster').role;

/**
 * Where a department replicates the roster from: the registry's server and database, as its
 * roster reader, never as the registry's owner. The hub computes it as the registry does.
 */
export function rosterReaderUrl(registryOwnerUrl: string, roleSecret: string): string {
  const url = new URL(registryOwnerUrl);
  const role = rosterReaderRole(registryOwnerUrl);
  url.username = role;
  url.password = rolePassword(roleSecret, role);
  return url.toString();
}

/**
 * The registry's role for departments: it may log in, replicate (a subscription needs
 * REPLICATION: its slot, the copy, the stream; the replica's watch drops a lost slot) and
 * `select` the published roster, and read nothing else of the registry: no household, no
 * member, no audit row (PUBLIC has no table privileges here). The WAL position and the slots
 * the watch samples (`pg_current_wal_lsn()`, `pg_replication_slots`) need no more.
 * Made at every start of the registry, so a changed secret or a stray grant is put right.
 */
export async function ensureRosterReader(owner: MikroORM, registryOwnerUrl: string, roleSecret: string): Promise<string> {
  const { database, role } = roleOf(registryOwnerUrl, 'roster');
  const conn = owner.em.getConnection();
  await conn.execute(`do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role "${role}" login replication; end if; end $$`);
  await conn.execute(`alter role "${role}" with login replication password '${rolePassword(roleSecret, role)}'`);
  await conn.execute(`grant connect on database "${database}" to "${role}"`);
  await conn.execute(`grant usage on schema public to "${role}"`);
  await conn.execute(`revoke all on all tables in schema public from "${role}"`);
  await conn.execute(`revoke all on all sequences in schema public from "${role}"`);
  await conn.execute(`grant select on roster to "${role}"`);
  return rosterReaderUrl(registryOwnerUrl, roleSecret);
}
