import { appendAudit, BadUserInputError, ForbiddenError, isUuid, NotFoundError } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { visibleMember } from '../access.js';
import type { Context } from '../loaders.js';

const REVEALERS = ['CASEWORKER', 'COUNTY_OFFICER', 'ADMIN'];

/**
 * The full ID number, for a caseworker, county officer or ADMIN within their region, with a
 * reason. Every attempt is audited, allowed or refused; the number itself never is.
 */
export async function revealIdNumber(ctx: Context, memberId: string, reason: string): Promise<string> {
  const audit = (outcome: 'ALLOWED' | 'REFUSED', why: string) =>
    appendAudit(ctx.em.fork() as EntityManager, ctx.caller, ctx.requestId, { action: 'revealIdNumber', subjectId: memberId.slice(0, 64), outcome, reason: why.slice(0, 500) });
  try {
    if (!REVEALERS.includes(ctx.caller.role)) throw new ForbiddenError(`${ctx.caller.role} may not reveal ID numbers`);
    const given = reason.trim();
    if (given.length < 2 || given.length > 500) throw new BadUserInputError('reason must have 2 to 500 characters', { field: 'reason' });
    const member = isUuid(memberId) ? await ctx.loaders.memberById.load(memberId) : null;
    if (!member) throw new NotFoundError('member', { field: 'memberId' });
    await visibleMember(ctx, member);
    const idNumber = ctx.pii.decrypt(member.idNumberEncrypted);
    await audit('ALLOWED', given);
    return idNumber;
  } catch (err) {
    const code = (err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    await audit('REFUSED', `${code}: ${reason.trim().slice(0, 400)}`);
    throw err;
  }
}
