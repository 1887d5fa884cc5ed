import { registerEnumType } from 'type-graphql';

/** Why a household's housing is not safe (住房安全有保障 not met). */
export enum UnsafeHousingReason {
  /** No appraisal on or before the day. */
  NEVER_APPRAISED = 'NEVER_APPRAISED',
  /** Latest appraisal C, with no REPAIR or REBUILD completed on or after it. */
  C_NOT_RENOVATED = 'C_NOT_RENOVATED',
  /** Latest appraisal D, with no REBUILD completed on or after it. */
  D_NOT_REBUILT = 'D_NOT_REBUILT',
}
registerEnumType(UnsafeHousingReason, { name: 'UnsafeHousingReason', description: 'Why housing is not safe' });

/**
 * The safe-housing rule of domain.md, once, in SQL: for each row of `households` (a relation
 * with a `household_id` column; its columns are kept), as of the date bound to the `?` after
 * the relation's own parameters, it adds: the latest
 * appraisal on or before that day and why the housing is not safe (null when it is). Safe when
 * relocated on or before the day; otherwise the latest appraisal decides: A or B is safe; C
 * needs a REPAIR or REBUILD, D a REBUILD, COMPLETED or ACCEPTED with a completion date on or
 * after that appraisal and on or before the day. Records dated after the day do not count.
 * The work list, `Household.housing` and the year's gap read it, so they cannot disagree.
 */
export function housingStatusSql(households: string): string {
  return `
    select h.*, la.grade as latest_grade, la.appraised_on::text as latest_appraised_on,
      case
        when exists (select 1 from relocation r where r.household_id = h.household_id and r.relocated_on <= d.as_of) then null
        when la.grade is null then '${UnsafeHousingReason.NEVER_APPRAISED}'
        when la.grade in ('A', 'B') then null
        when exists (select 1 from renovation v
                      where v.household_id = h.household_id and v.status in ('COMPLETED', 'ACCEPTED')
                        and v.completed_on between la.appraised_on and d.as_of
                        and (la.grade = 'C' or v.kind = 'REBUILD')) then null
        when la.grade = 'C' then '${UnsafeHousingReason.C_NOT_RENOVATED}'
        else '${UnsafeHousingReason.D_NOT_REBUILT}'
      end as unsafe_reason
    from (${households}) h
    cross join (select ?::date as as_of) d
    left join lateral (select a.grade, a.appraised_on from appraisal a
                        where a.household_id = h.household_id and a.appraised_on <= d.as_of
                        order by a.appraised_on desc, a.recorded_at desc limit 1) la on true`;
}

export interface HousingStatusRow extends Record<string, unknown> {
  household_id: string;
  latest_grade: string | null;
  latest_appraised_on: string | null;
  unsafe_reason: UnsafeHousingReason | null;
}
