import { ageOn, rosterMemberOn } from '@fupin/kit';
import { EmploymentStatus } from './employment.enums.js';

/**
 * 劳动年龄: 16 to 60 on 31 December of the year. On the year's last day everyone has had their
 * birthday, so the age is the difference of the years: a member born on 31 December turns 61
 * that day and is out.
 */
export const WORKING_AGE = { from: 16, to: 60 } as const;

export const ageAtYearEnd = (birthDate: string, year: number): number => ageOn(birthDate, `${year}-12-31`);

/** The birth dates of working age in a year, both ends included. */
export const workingAgeBirthDates = (year: number): { earliest: string; latest: string } => ({
  earliest: `${year - WORKING_AGE.to}-01-01`,
  latest: `${year - WORKING_AGE.from}-12-31`,
});

/** The labor capacities the zero-employment rule counts as able to work (not WEAK, LOST or NONE). */
export const ABLE_LABOR = ['SKILLED', 'ORDINARY'] as const;

/** Capacities with some labor (劳动力): the able and the weak (弱劳动力), whom public posts are for. */
export const SOME_LABOR = [...ABLE_LABOR, 'WEAK'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The statuses that put a household in the production batch (发展生产); a ranger is ecological compensation. */
export const PRODUCTION_STATUSES = [
  EmploymentStatus.LOCAL, EmploymentStatus.IN_COUNTY, EmploymentStatus.IN_PROVINCE, EmploymentStatus.OUT_OF_PROVINCE,
  EmploymentStatus.PUBLIC_WELFARE_POST, EmploymentStatus.WORKSHOP, EmploymentStatus.SELF_EMPLOYED,
] as const;

/**
 * "Employed" in a year (domain.md, "Five batches"): a record for the year whose status is not
 * UNEMPLOYED and whose months worked is at least this; a record of 0 months (a job taken in
 * name only, or not yet started) employs nobody, for the zero-employment gap, the four zeros
 * and the PRODUCTION and ECOLOGICAL_COMPENSATION batches alike.
 */
export const MIN_MONTHS_EMPLOYED = 1;

/**
 * 零就业家庭 for a year, by `domain.md`: some member of working age with labor capacity SKILLED
 * or ORDINARY, and no member (of any age) employed in the year (a record whose status is not
 * UNEMPLOYED, with at least one month worked). Written once, in SQL, over roster rows `r` (the caller's filter in
 * `rosterWhere`), so the work list, the coverage and the four zeros cannot disagree. Parameters,
 * in order: the year, the earliest and latest working-age birth dates, then the filter's own.
 * One row per household: `household_id`, `village_code`, `members`, `able_member_ids`,
 * `zero_employment`, and for the batches `production_job` and `ranger`, and `as_of` (the last
 * employment record of the year). Only members in the household on 31 December of the year count.
 */
export function householdEmploymentSql(rosterWhere: string): string {
  return `
    select r.household_id, min(r.village_code) as village_code, count(*)::int as members,
           coalesce(array_agg(r.member_id::text order by r.member_id) filter (where r.able), '{}') as able_member_ids,
           bool_or(r.able) and not bool_or(r.employed) as zero_employment,
           coalesce(bool_or(r.employed and r.status in (${list(PRODUCTION_STATUSES)})), false) as production_job,
           coalesce(bool_or(r.employed and r.status = '${EmploymentStatus.ECOLOGICAL_RANGER}'), false) as ranger,
           max(r.recorded_at) as as_of
      from (select r.household_id, r.village_code, r.member_id, e.status, e.recorded_at,
                   r.labor_capacity in (${list(ABLE_LABOR)}) and r.birth_date between w.earliest and w.latest as able,
                   coalesce(e.status <> '${EmploymentStatus.UNEMPLOYED}' and e.months_worked >= ${MIN_MONTHS_EMPLOYED}, false) as employed
              from (select ?::int as year, ?::date as earliest, ?::date as latest) w
              cross join roster r
              left join employment e on e.member_id = r.member_id and e.year = w.year
             where ${rosterWhere} and ${rosterMemberOn('r', 'make_date(w.year, 12, 31)')}) r
     group by r.household_id`;
}

/** The rule's parameters before the filter's. */
export function householdEmploymentParams(year: number): unknown[] {
  const { earliest, latest } = workingAgeBirthDates(year);
  return [year, earliest, latest];
}
