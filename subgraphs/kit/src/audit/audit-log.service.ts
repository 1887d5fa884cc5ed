import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../auth/caller.js';
import { jurisdictionRange } from '../auth/caller.js';
import { BadUserInputError } from '../errors.js';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../graphql/pagination.js';
import type { AuditLogEntry } from './audit-log.type.js';

export interface AuditLogQuery {
  first?: number | null;
  after?: string | null;
  subjectId?: string | null;
}

interface Row { id: string; at: Date; actor: string; role: string; region: string; action: string; subject_id: string | null; outcome: string; reason: string | null; correlation_id: string | null }

/** A page of this database's audit log, newest first: entries of callers within the reader's jurisdiction. */
export async function auditLogPage(em: EntityManager, reader: Caller, args: AuditLogQuery): Promise<Page<AuditLogEntry>> {
  const n = pageSize(args.first);
  const before = args.after ? decodeCursor(args.after) : null;
  if (before !== null && !/^\d+$/.test(before)) throw new BadUserInputError('after is not a cursor from this list', { field: 'after' });
  const { lo, hi } = jurisdictionRange(reader);
  const where = ['region >= ?', 'region < ?'];
  const params: unknown[] = [lo, hi];
  if (args.subjectId) {
    where.push('subject_id = ?');
    params.push(args.subjectId);
  }
  const conn = em.getConnection();
  const [rows, [{ n: total }]] = await Promise.all([
    conn.execute<Row[]>(`select * from audit_log where ${[...where, ...(before ? ['id < ?'] : [])].join(' and ')} order by id desc limit ?`, [...params, ...(before ? [before] : []), n + 1]),
    conn.execute<{ n: string }[]>(`select count(*) as n from audit_log where ${where.join(' and ')}`, params),
  ]);
  const nodes = rows.slice(0, n).map((r) => ({ id: String(r.id), at: new Date(r.at), actor: r.actor, role: r.role, region: r.region, action: r.action, subjectId: r.subject_id, outcome: r.outcome, reason: r.reason, correlationId: r.correlation_id }));
  return { totalCount: Number(total), nodes, pageInfo: { hasNextPage: rows.length > n, endCursor: nodes.length ? encodeCursor(nodes.at(-1)!.id) : null } };
}
