import { appendAudit, BadUserInputError, isUuid, NotFoundError, piiOf, printable, textProblem } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { visibleMember } from '../access.js';
import type { Context } from '../loaders.js';

/**
 * The full ID number, within the caller's region, with a reason (the roles are checked by
 * @Authorized, whose refusals the kit audits). Every attempt is audited, allowed or
 * refused; the number itself never is.
 */
export async function revealIdNumber(ctx: Context, memberId: string, reason: string): Promise<string> {
  const audit = (outcome: 'ALLOWED' | 'REFUSED', why: string) =>
    appendAudit(ctx.em.fork() as EntityManager, ctx.caller, ctx.requestId, { action: 'revealIdNumber', subjectId: printable(memberId.slice(0, 64)), outcome, reason: why.slice(0, 500) });
  try {
    const given = reason.trim();
    const problem = given.length < 2 ? 'reason must have 2 to 500 characters' : textProblem(given, 'reason', 500);
    if (problem) throw new BadUserInputError(problem, { field: 'reason' });
    const member = isUuid(memberId) ? await ctx.loaders.memberById.load(memberId) : null;
    if (!member) throw new NotFoundError('member', { field: 'memberId' });
    await visibleMember(ctx, member);
    const idNumber = piiOf(ctx).decrypt(member.idNumberEncrypted);
    await audit('ALLOWED', given);
    return idNumber;
  } catch (err) {
    const code = (err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    await audit('REFUSED', `${code}: ${printable(reason.trim().slice(0, 400))}`);
    throw err;
  }
}
