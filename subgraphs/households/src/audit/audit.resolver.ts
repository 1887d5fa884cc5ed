import { BadUserInputError, decodeCursor, encodeCursor, jurisdictionRange, pageSize } from '@fupin/kit';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../loaders.js';
import { AuditEntry, AuditEntryConnection } from './audit-entry.type.js';

interface Row { id: string; at: Date; actor: string; role: string; region: string; action: string; subject_id: string | null; outcome: string; reason: string | null; correlation_id: string | null }

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized('AUDITOR', 'ADMIN')
  @Query(() => AuditEntryConnection, { description: 'Newest first; entries of callers within your jurisdiction' })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string | null,
  ): Promise<AuditEntryConnection> {
    const n = pageSize(first);
    const before = after ? decodeCursor(after) : null;
    if (before !== null && !/^\d+$/.test(before)) throw new BadUserInputError('after is not a cursor from this list', { field: 'after' });
    const { lo, hi } = jurisdictionRange(ctx.caller);
    const where = ['region >= ?', 'region < ?'];
    const params: unknown[] = [lo, hi];
    if (subjectId) {
      where.push('subject_id = ?');
      params.push(subjectId);
    }
    const conn = ctx.em.getConnection();
    const [rows, [{ n: total }]] = await Promise.all([
      conn.execute<Row[]>(`select * from audit_log where ${[...where, ...(before ? ['id < ?'] : [])].join(' and ')} order by id desc limit ?`, [...params, ...(before ? [before] : []), n + 1]),
      conn.execute<{ n: string }[]>(`select count(*) as n from audit_log where ${where.join(' and ')}`, params),
    ]);
    const nodes = rows.slice(0, n).map((r) => ({ id: String(r.id), at: new Date(r.at), actor: r.actor, role: r.role, region: r.region, action: r.action, subjectId: r.subject_id, outcome: r.outcome, reason: r.reason, correlationId: r.correlation_id }));
    return { totalCount: Number(total), nodes, pageInfo: { hasNextPage: rows.length > n, endCursor: nodes.length ? encodeCursor(nodes.at(-1)!.id) : null } };
  }
}
