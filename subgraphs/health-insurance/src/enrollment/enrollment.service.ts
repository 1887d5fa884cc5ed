import { BadUserInputError, type Caller, COUNTED_ROSTER, registryYearProblem, type Roster, rosterMemberIn } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EnrollInsuranceInput } from './enroll-insurance.input.js';
import { EnrollmentEntity } from './enrollment.entity.js';
import type { InsuranceCoverage } from './insurance-coverage.type.js';

/** The checks an enrollment passes whether it comes one by one or from an import. */
export function enrollmentProblem(e: { year: number; premium: number; subsidy: number }): { field: string; message: string } | null {
  const year = registryYearProblem(e.year);
  if (year) return { field: 'year', message: `year ${year}` };
  if (e.premium < 0) return { field: 'premium', message: 'premium must not be negative' };
  if (e.subsidy < 0) return { field: 'subsidy', message: 'subsidy must not be negative' };
  if (e.subsidy > e.premium) return { field: 'subsidy', message: 'subsidy (government-paid) cannot exceed the premium' };
  return null;
}

export async function enrollInsurance(em: EntityManager, roster: Roster, input: EnrollInsuranceInput, caller: Caller): Promise<EnrollmentEntity> {
  const problem = enrollmentProblem(input);
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
  const member = await roster.requireWritableMember(em, input.memberId, caller);
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

/** Members of a region (and below) by the roster, and how many are enrolled for the year (a REMOVED household counts nowhere): one statement. */
export async function insuranceCoverage(em: EntityManager, regionCode: string, year: number, { lo, hi }: { lo: string; hi: string }): Promise<InsuranceCoverage> {
  const [row] = await em.getConnection().execute<{ members: string; insured: string }[]>(
    `select count(*) as members, count(e.member_id) as insured
       from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = ?
      where r.village_code >= ? and r.village_code < ? and ${COUNTED_ROSTER} and ${rosterMemberIn('r', year)}`,
    [year, lo, hi],
  );
  const members = Number(row!.members);
  const insured = Number(row!.insured);
  return { regionCode, year, members, insured, uninsured: members - insured, rate: members === 0 ? null : insured / members };
}
