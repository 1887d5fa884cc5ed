import { BadUserInputError, type Caller, FIRST_REGISTRY_YEAR, type Roster, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GrantEntity } from './grant.entity.js';
import type { RecordGrantInput } from './record-grant.input.js';

/** The checks a grant passes whether it comes one by one or from an import. */
export function grantProblem(g: { amount: number; paidOn: string }, today = todayInChina()): { field: string; message: string } | null {
  if (g.amount <= 0) return { field: 'amount', message: 'amount must be more than zero' };
  if (g.paidOn > today) return { field: 'paidOn', message: 'paidOn must not be in the future' };
  if (g.paidOn < `${FIRST_REGISTRY_YEAR}-01-01`) return { field: 'paidOn', message: `paidOn must be in ${FIRST_REGISTRY_YEAR} or later` };
  return null;
}

export async function recordGrant(em: EntityManager, roster: Roster, input: RecordGrantInput, caller: Caller): Promise<GrantEntity> {
  const problem = grantProblem(input);
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  const grant = em.create(GrantEntity, { memberId: member.memberId, program: input.program, amount: input.amount, paidOn: input.paidOn, recordedBy: caller.subject });
  await em.flush();
  return grant;
}
