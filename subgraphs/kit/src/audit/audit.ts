import { printable } from '../domain/input.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Caller } from '../auth/caller.js';

export type AuditOutcome = 'ALLOWED' | 'REFUSED';

export interface AuditEntry {
  action: string;
  subjectId: string | null;
  outcome: AuditOutcome;
  /** Why: the reason a caller gave, or the code of a refusal. Never personal data. */
  reason: string | null;
}

export interface AuditRow extends AuditEntry {
  id: string;
  at: Date;
  actor: string;
  role: string;
  region: string;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** The hash of a row: its fields in a fixed order, chained to the previous row's hash. */
export function auditHash(prevHash: string, r: Omit<AuditRow, 'id' | 'hash' | 'prevHash'>): string {
  const canonical = JSON.stringify([r.at.toISOString(), r.actor, r.role, r.region, r.action, r.subjectId, r.outcome, r.reason, r.correlationId]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

// One writer at a time per database keeps the chain a line, not a tree.
const CHAIN_LOCK = 7_042_014;

/** Runs one statement (`?` placeholders) in the transaction of the write being recorded. */
export type AuditQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function appendAuditRow(query: AuditQuery, caller: Caller, correlationId: string | null, entry: AuditEntry): Promise<void> {
  await query('select pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
  const last = await query('select hash from audit_log order by id desc limit 1', []);
  const prevHash = (last[0]?.hash as string | undefined) ?? GENESIS;
  // What a client sent is quoted as text PostgreSQL and a terminal can hold.
  const row = { at: new Date(), actor: caller.subject, role: caller.role, region: caller.regionCode, ...entry, subjectId: entry.subjectId && printable(entry.subjectId), reason: entry.reason && printable(entry.reason), correlationId };
  await query(
    `insert into audit_log (at, actor, role, region, action, subject_id, outcome, reason, correlation_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.at, row.actor, row.role, row.region, row.action, row.subjectId, row.outcome, row.reason, row.correlationId, prevHash, auditHash(prevHash, row)],
  );
}

/** Appends one row; call it inside the transaction of the write it records. */
export async function appendAudit(em: EntityManager, caller: Caller, correlationId: string | null, entry: AuditEntry): Promise<void> {
  if (!em.getTransactionContext()) {
    await em.transactional(async (tx) => appendAudit(tx as EntityManager, caller, correlationId, entry));
    return;
  }
  const conn = em.getConnection();
  const tx = em.getTransactionContext();
  await appendAuditRow((sql, params) => conn.execute<Record<string, unknown>[]>(sql, params, 'all', tx), caller, correlationId, entry);
}

/** The same, through a plain `pg` client inside its open transaction (bulk tools). */
export async function appendAuditWithClient(client: pg.ClientBase, caller: Caller, correlationId: string | null, entry: AuditEntry): Promise<void> {
  await appendAuditRow(
    async (sql, params) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    },
    caller,
    correlationId,
    entry,
  );
}

export interface ChainReport {
  rows: number;
  /** The first row whose hash or link does not hold, if any. */
  brokenAt: string | null;
}

/** Recomputes the chain from the first row; any edited, inserted or removed row breaks it. */
export async function verifyAuditChain(em: EntityManager): Promise<ChainReport> {
  const conn = em.getConnection();
  let prev = GENESIS;
  let rows = 0;
  let after = '0';
  for (;;) {
    const batch = await conn.execute<Record<string, unknown>[]>(
      'select id, at, actor, role, region, action, subject_id, outcome, reason, correlation_id, prev_hash, hash from audit_log where id > ? order by id limit 10000',
      [after],
    );
    if (!batch.length) return { rows, brokenAt: null };
    for (const r of batch) {
      const expected = auditHash(prev, {
        at: new Date(r.at as string),
        actor: r.actor as string,
        role: r.role as string,
        region: r.region as string,
        action: r.action as string,
        subjectId: r.subject_id as string | null,
        outcome: r.outcome as AuditOutcome,
        reason: r.reason as string | null,
        correlationId: r.correlation_id as string | null,
      });
      if (r.prev_hash !== prev || r.hash !== expected) return { rows, brokenAt: String(r.id) };
      prev = r.hash as string;
      rows++;
      after = String(r.id);
    }
  }
}
