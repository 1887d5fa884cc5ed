import { Batch, type CoverageOf, GapKind, latestTimestamp } from '@fupin/kit';
import { householdEmploymentParams, householdEmploymentSql, WORKING_AGE } from '../employment/employment.rule.js';

interface Row {
  household_id: string;
  village_code: string;
  members: number;
  able_member_ids: string[];
  zero_employment: boolean;
  production_job: boolean;
  ranger: boolean;
  supported: boolean;
  as_of: Date | string | null;
  support_as_of: Date | string | null;
}

/**
 * The employment department's part of a household's coverage for a year, by the one rule:
 * PRODUCTION (industry support for the year, or a member employed other than as a ranger),
 * ECOLOGICAL_COMPENSATION (a ranger), ZERO_EMPLOYMENT. One statement for the batch.
 */
export const employmentCoverage: CoverageOf = async ({ em }, householdIds, year) => {
  const rows = await em.getConnection().execute<Row[]>(
    `select h.*, s.household_id is not null as supported, s.as_of as support_as_of
       from (${householdEmploymentSql(`r.household_id = any(string_to_array(?, ',')::uuid[])`)}) h
       left join lateral (select household_id, max(recorded_at) as as_of from industry_support s
                           where s.household_id = h.household_id and s.year = ? group by household_id) s on true`,
    [...householdEmploymentParams(year), householdIds.join(','), year],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    villageCode: r.village_code,
    members: r.members,
    batches: [...(r.supported || r.production_job ? [Batch.PRODUCTION] : []), ...(r.ranger ? [Batch.ECOLOGICAL_COMPENSATION] : [])],
    gaps: r.zero_employment
      ? [{ kind: GapKind.ZERO_EMPLOYMENT, memberId: null, detail: `${r.able_member_ids.length} able to work (${WORKING_AGE.from} to ${WORKING_AGE.to} on 31 December, SKILLED or ORDINARY), nobody employed in ${year}` }]
      : [],
    asOf: latestTimestamp(r.as_of, r.support_as_of),
  }));
};
