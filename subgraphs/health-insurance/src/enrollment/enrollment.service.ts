import { BadUserInputError, type Caller, isRegistryYear, type Roster, assertWritableMember } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EnrollInsuranceInput } from './enroll-insurance.input.js';
import { EnrollmentEntity } from './enrollment.entity.js';

/** The checks an enrollment passes whether it comes one by one or from an import. */
export function enrollmentProblem(e: { year: number; premium: number; subsidy: number }): { field: string; message: string } | null {
  if (!isRegistryYear(e.year)) return { field: 'year', message: 'year must be from 2014 to next year' };
  if (e.premium < 0) return { field: 'premium', message: 'premium must not be negative' };
  if (e.subsidy < 0) return { field: 'subsidy', message: 'subsidy must not be negative' };
  if (e.subsidy > e.premium) return { field: 'subsidy', message: 'subsidy (government-paid) cannot exceed the premium' };
  return null;
}

export async function enrollInsurance(em: EntityManager, roster: Roster, input: EnrollInsuranceInput, caller: Caller): Promise<EnrollmentEntity> {
  const problem = enrollmentProblem(input);
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
  const member = await roster.requireMember(em, input.memberId);
  assertWritableMember(caller, member);
  // Recorded again for the same year, it replaces: an update, never an error.
  return em.upsert(EnrollmentEntity, {
    memberId: member.memberId,
    year: input.year,
    scheme: input.scheme,
    premium: input.premium,
    subsidy: input.subsidy,
    criticalIllnessCover: input.criticalIllnessCover,
    supplementaryCover: input.supplementaryCover,
    recordedAt: new Date(),
    recordedBy: caller.subject,
  });
}
