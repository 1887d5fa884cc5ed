import pg from 'pg';
import type { TestHub } from '@fupin/kit/testing';

/** `subgraph.table` → `rows:md5 of every row`: what a department stores, read past every API. */
export type Fingerprint = Record<string, string>;

// Not a department's own records: the audit log (where a refusal is rightly written), the
// migrations, the four-zeros figures and their marks (derived, rebuilt by reads and upkeep) and
// a department's roster replica (written by replication from the registry, never by the
// department, and late by design: it would make a refusal look like a write).
const NOT_OWN = `tablename not in ('audit_log', 'mikro_orm_migrations')
  and tablename not like 'four\\_zeros\\_%' and tablename not like 'village\\_figure%'
  and not (tablename = 'roster' and exists (select 1 from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())))`;

/**
 * The owner's tables of each subgraph named (all by default), over a real connection to its
 * database as its owner: row counts and a hash of the rows in a fixed order, so a changed,
 * added or removed row changes it. Two equal fingerprints around a refused write prove it
 * wrote nothing; one pair can stand for a whole batch of refusals.
 */
export async function fingerprint(hub: TestHub, subgraphs: string[] = Object.keys(hub.subgraphs)): Promise<Fingerprint> {
  const parts = await Promise.all(
    subgraphs.map(async (name) => {
      const client = new pg.Client({ connectionString: hub.subgraphs[name]!.ownerUrl });
      await client.connect();
      try {
        const tables = await client.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' and ${NOT_OWN} order by 1`);
        if (!tables.rows.length) throw new Error(`${name}: no tables of its own to fingerprint`);
        const union = tables.rows
          .map(({ t }) => `select ${pg.escapeLiteral(t)} as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') as f from ${pg.escapeIdentifier(t)} x`)
          .join(' union all ');
        const { rows } = await client.query<{ t: string; f: string }>(union);
        return rows.map((r) => [`${name}.${r.t}`, r.f] as const);
      } finally {
        await client.end();
      }
    }),
  );
  return Object.fromEntries(parts.flat().sort(([a], [b]) => a.localeCompare(b)));
}

/** The tables whose fingerprint differs: [] when nothing changed. */
export function changed(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}
