import { Batch, type CoverageOf, GapKind, latestTimestamp, rosterMemberIn } from '@fupin/kit';
import { housingStatusSql, type HousingStatusRow, UnsafeHousingReason } from '../housing/housing.rule.js';

interface Row extends HousingStatusRow {
  village_code: string;
  members: number;
  relocated: boolean;
  as_of: Date | string | null;
}

const WHY: Record<UnsafeHousingReason, string> = {
  [UnsafeHousingReason.NEVER_APPRAISED]: 'no appraisal',
  [UnsafeHousingReason.C_NOT_RENOVATED]: 'grade C with no repair or rebuild completed after it',
  [UnsafeHousingReason.D_NOT_REBUILT]: 'grade D with no rebuild completed after it',
};

/**
 * The housing department's part of a household's coverage for a year: the safe-housing rule
 * as of 31 December of the year (the same SQL as `Household.housing` and the work list), and
 * the RELOCATION batch when it was relocated by then. One statement for the batch.
 */
export const housingCoverage: CoverageOf = async ({ em }, householdIds, year) => {
  const rows = await em.getConnection().execute<Row[]>(
    `select s.*,
            exists (select 1 from relocation l where l.household_id = s.household_id and l.relocated_on <= ?::date) as relocated,
            (select max(t.recorded_at) from (select recorded_at from appraisal where household_id = s.household_id
                                             union all select recorded_at from renovation where household_id = s.household_id
                                             union all select recorded_at from relocation where household_id = s.household_id) t) as as_of
       from (${housingStatusSql(`select household_id, min(village_code) as village_code, count(*)::int as members from roster
                                  where household_id = any(string_to_array(?, ',')::uuid[]) and ${rosterMemberIn('roster', year)} group by household_id`)}) s`,
    [`${year}-12-31`, householdIds.join(','), `${year}-12-31`],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    villageCode: r.village_code,
    members: r.members,
    batches: r.relocated ? [Batch.RELOCATION] : [],
    gaps:
      r.unsafe_reason === null
        ? []
        : [{ kind: GapKind.UNSAFE_HOUSING, memberId: null, detail: `${WHY[r.unsafe_reason]} on or before 31 December ${year}${r.latest_appraised_on ? ` (latest appraisal ${r.latest_appraised_on})` : ''}` }],
    asOf: latestTimestamp(r.as_of),
  }));
};
