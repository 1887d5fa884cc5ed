import { BadUserInputError, type Caller, requireRegistryYear, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmploymentEntity } from './employment.entity.js';
import { EmploymentStatus } from './employment.enums.js';
import { ageAtYearEnd, WORKING_AGE } from './employment.rule.js';
import type { RecordEmploymentInput } from './record-employment.input.js';

type Problem = { field: string; message: string } | null;

/** The checks of an employment record that need no registry, whether it comes one by one or from an import. */
export function employmentProblem(e: { status: EmploymentStatus; monthsWorked: number; monthlyIncome: number }): Problem {
  if (!Number.isInteger(e.monthsWorked) || e.monthsWorked < 0 || e.monthsWorked > 12) return { field: 'monthsWorked', message: 'monthsWorked must be from 0 to 12' };
  if (e.status === EmploymentStatus.UNEMPLOYED && e.monthsWorked > 0) return { field: 'monthsWorked', message: 'an UNEMPLOYED person has no months worked' };
  if (e.monthlyIncome < 0) return { field: 'monthlyIncome', message: 'monthlyIncome must not be negative' };
  return null;
}

/** Nobody under 16 is employed (劳动法 forbids it): a record for a child is a typing error. */
export function childLabourProblem(birthDate: string, year: number): Problem {
  const age = ageAtYearEnd(birthDate, year);
  return age < WORKING_AGE.from ? { field: 'memberId', message: `the member is ${age} on 31 December ${year}; employment is recorded from age ${WORKING_AGE.from}` } : null;
}

const refuse = (problem: Problem): void => {
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
};

export async function recordEmployment(em: EntityManager, roster: Roster, input: RecordEmploymentInput, caller: Caller): Promise<EmploymentEntity> {
  requireRegistryYear(input.year);
  refuse(employmentProblem(input));
  const employer = input.employer === null || input.employer === undefined ? null : requireText(input.employer, 'employer', 100);
  // NOT_FOUND, ROSTER_BEHIND (retryable) or FORBIDDEN outside the writer's jurisdiction.
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  refuse(childLabourProblem(member.birthDate, input.year));
  // Recorded again for the same year, it replaces: an update, never an error.
  return em.upsert(EmploymentEntity, {
    memberId: member.memberId,
    year: input.year,
    status: input.status,
    monthsWorked: input.monthsWorked,
    monthlyIncome: input.monthlyIncome,
    employer,
    recordedAt: new Date(),
    recordedBy: caller.subject,
  });
}
