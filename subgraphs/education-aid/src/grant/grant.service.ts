import { BadUserInputError, type Caller, pastDateProblem, type Roster, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GrantEntity } from './grant.entity.js';
import type { RecordGrantInput } from './record-grant.input.js';

/** The checks a grant passes whether it comes one by one or from an import. */
export function grantProblem(g: { amount: number; paidOn: string }, today = todayInChina()): { field: string; message: string } | null {
  if (g.amount <= 0) return { field: 'amount', message: 'amount must be more than zero' };
  const paidOn = pastDateProblem(g.paidOn, 'paidOn', today);
  return paidOn ? { field: 'paidOn', message: paidOn } : null;
}

export async function recordGrant(em: EntityManager, roster: Roster, input: RecordGrantInput, caller: Caller): Promise<GrantEntity> {
  const problem = grantProblem(input);
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  const grant = em.create(GrantEntity, { memberId: member.memberId, program: input.program, amount: input.amount, paidOn: input.paidOn, recordedBy: caller.subject });
  await em.flush();
  return grant;
}
