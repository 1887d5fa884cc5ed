import { Batch, type CoverageEvidence, type CoverageOf, GapKind, latestTimestamp, rosterMemberIn } from '@fupin/kit';
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
export const housingCoverage: CoverageOf = async ({ em }, householdIds, year, options) => {
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
  const evidence = options?.evidence ? await housingEvidence(em, householdIds, year) : null;
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
    ...(evidence ? { evidence: evidence.get(r.household_id) ?? [] } : {}),
  }));
};

interface EvidenceRow {
  household_id: string;
  field: string;
  value: string | null;
  recorded_at: Date | string | null;
}

/**
 * What the UNSAFE_HOUSING rule read, for an exit's evidence, as of 31 December of the year: the
 * latest appraisal (grade and date, or none), each renovation (kind, status, completion date)
 * and the relocation (date, or none). One statement, only when an exit is judged.
 */
async function housingEvidence(em: Parameters<CoverageOf>[0]['em'], householdIds: string[], year: number): Promise<Map<string, CoverageEvidence[]>> {
  const rows = await em.getConnection().execute<EvidenceRow[]>(
    `with h as (select unnest(string_to_array(?, ',')::uuid[]) as household_id), d as (select ?::date as as_of)
     select h.household_id, 'appraisalGrade' as field, la.grade as value, la.recorded_at, 0 as o, null::date as k from h cross join d
       left join lateral (select a.grade, a.appraised_on, a.recorded_at from appraisal a where a.household_id = h.household_id and a.appraised_on <= d.as_of
                           order by a.appraised_on desc, a.recorded_at desc limit 1) la on true
     union all
     select h.household_id, 'appraisedOn', la.appraised_on::text, la.recorded_at, 1, null from h cross join d
       left join lateral (select a.appraised_on, a.recorded_at from appraisal a where a.household_id = h.household_id and a.appraised_on <= d.as_of
                           order by a.appraised_on desc, a.recorded_at desc limit 1) la on true
     union all
     select v.household_id, 'renovation', v.kind || ' ' || v.status || coalesce(' ' || v.completed_on::text, ''), v.recorded_at, 2, v.completed_on
       from renovation v join h on h.household_id = v.household_id
     union all
     select h.household_id, 'relocatedOn', l.relocated_on::text, l.recorded_at, 3, null from h cross join d
       left join lateral (select relocated_on, recorded_at from relocation l where l.household_id = h.household_id and l.relocated_on <= d.as_of
                           order by relocated_on limit 1) l on true
     order by household_id, o, k nulls last`,
    [householdIds.join(','), `${year}-12-31`],
  );
  const byHousehold = new Map<string, CoverageEvidence[]>();
  for (const r of rows) {
    const list = byHousehold.get(r.household_id) ?? [];
    list.push({ rule: GapKind.UNSAFE_HOUSING, memberId: null, field: r.field, value: r.value, asOf: latestTimestamp(r.recorded_at) });
    byHousehold.set(r.household_id, list);
  }
  return byHousehold;
}
