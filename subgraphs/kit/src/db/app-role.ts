import { createHmac } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * A role's password, derived, not random: every instance of a subgraph computes the same one,
 * and so does the hub, which hands a department the registry's roster reader. The secret is
 * the subgraph's own (see `StartOptions.roleSecret`): one subgraph cannot derive another's.
 */
export const rolePassword = (secret: string, role: string) => createHmac('sha256', secret).update(`database role ${role}`).digest('hex');

/** `<database>_<suffix>`, checked to be a plain role name. */
export function roleOf(databaseUrl: string, suffix: string): { database: string; role: string } {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const role = `${database}_${suffix}`.slice(0, 63);
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`database name ${database} cannot name a role`);
  return { database, role };
}

/**
 * Migrations run as the database's owner; the subgraph then serves as a role of its own
 * with only the privileges it needs, and none to rewrite append-only tables (the audit log,
 * histories): least privilege for MLPS level 3, enforced by PostgreSQL itself.
 */
export async function appRoleUrl(owner: MikroORM, databaseUrl: string, secret: string, appendOnly: string[], readOnly: string[] = [], statementTimeoutMs = 0): Promise<string> {
  const url = new URL(databaseUrl);
  const { database, role } = roleOf(databaseUrl, 'app');
  const password = rolePassword(secret, role);
  const conn = owner.em.getConnection();
  await conn.execute(`do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role "${role}" login; end if; end $$`);
  await conn.execute(`alter role "${role}" with login password '${password}'`);
  // Every session of the serving role: a runaway statement is cancelled by PostgreSQL itself (0: none).
  await conn.execute(`alter role "${role}" set statement_timeout = ${Math.max(0, Math.trunc(statementTimeoutMs))}`);
  await conn.execute(`grant connect on database "${database}" to "${role}"`);
  await conn.execute(`grant usage on schema public to "${role}"`);
  await conn.execute(`grant select, insert, update, delete on all tables in schema public to "${role}"`);
  await conn.execute(`grant usage, select on all sequences in schema public to "${role}"`);
  await conn.execute(`revoke all on mikro_orm_migrations from "${role}"`);
  for (const table of ['audit_log', ...appendOnly]) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
    await conn.execute(`revoke update, delete, truncate on "${table}" from "${role}"`);
  }
  // Tables another system fills (the roster replica): the subgraph only reads them.
  for (const table of readOnly) {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
    await conn.execute(`revoke insert, update, delete, truncate on "${table}" from "${role}"`);
  }
  url.username = role;
  url.password = password;
  return url.toString();
}
