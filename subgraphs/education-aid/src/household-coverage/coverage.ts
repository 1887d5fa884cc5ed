import { Batch, type CoverageEvidence, type CoverageOf, GapKind, latestTimestamp, rosterMemberIn } from '@fupin/kit';
import { COMPULSORY_AGE, schoolAge } from '../schooling/school-age.js';
import { SchoolStatus } from '../schooling/schooling.enums.js';

interface Row {
  household_id: string;
  village_code: string;
  members: number;
  out_of_school: { member_id: string; birth_date: string; status: SchoolStatus | null }[] | null;
  granted: boolean;
  as_of: Date | string | null;
}

/**
 * The education department's part of a household's coverage for a year: DROPOUT for each
 * compulsory-age member (6 to 15 on 31 August) whose schooling record for the school year
 * starting in September is missing or DROPPED_OUT, the same rule as the dropout roster; the
 * EDUCATION batch when a member was paid a grant in the year. One statement for the batch.
 */
export const educationCoverage: CoverageOf = async ({ em }, householdIds, year, options) => {
  const youngest = `${year - COMPULSORY_AGE.from}-08-31`;
  const oldest = `${year - COMPULSORY_AGE.to - 1}-08-31`;
  const rows = await em.getConnection().execute<Row[]>(
    `select r.household_id, min(r.village_code) as village_code, count(*)::int as members,
            json_agg(json_build_object('member_id', r.member_id, 'birth_date', r.birth_date, 'status', s.status) order by r.member_id)
              filter (where r.birth_date > ?::date and r.birth_date <= ?::date and (s.member_id is null or s.status = '${SchoolStatus.DROPPED_OUT}')) as out_of_school,
            bool_or(g.member_id is not null) as granted,
            greatest(max(s.recorded_at), max(g.as_of)) as as_of
       from roster r
       left join schooling s on s.member_id = r.member_id and s.year = ?
       left join lateral (select g.member_id, max(g.recorded_at) as as_of from education_grant g
                           where g.member_id = r.member_id and g.paid_on between ?::date and ?::date group by g.member_id) g on true
      where r.household_id = any(string_to_array(?, ',')::uuid[]) and ${rosterMemberIn('r', year)}
      group by r.household_id`,
    [oldest, youngest, year, `${year}-01-01`, `${year}-12-31`, householdIds.join(',')],
  );
  const evidence = options?.evidence ? await educationEvidence(em, householdIds, year, oldest, youngest) : null;
  return rows.map((r) => ({
    householdId: r.household_id,
    villageCode: r.village_code,
    members: r.members,
    batches: r.granted ? [Batch.EDUCATION] : [],
    gaps: (r.out_of_school ?? []).map((m) => ({
      kind: GapKind.DROPOUT,
      memberId: m.member_id,
      detail: `age ${schoolAge(m.birth_date, year)} on 31 August ${year}: ${m.status === null ? 'no schooling record' : 'DROPPED_OUT'} for the school year ${year}`,
    })),
    asOf: latestTimestamp(r.as_of),
    ...(evidence ? { evidence: evidence.get(r.household_id) ?? [] } : {}),
  }));
};

interface EvidenceRow {
  household_id: string;
  member_id: string;
  status: SchoolStatus | null;
  school: string | null;
  recorded_at: Date | string | null;
}

/**
 * What the DROPOUT rule read, for an exit's evidence: each compulsory-age member's schooling
 * record for the school year (status and school, or none). One statement, only when an exit is judged.
 */
async function educationEvidence(em: Parameters<CoverageOf>[0]['em'], householdIds: string[], year: number, oldest: string, youngest: string): Promise<Map<string, CoverageEvidence[]>> {
  const rows = await em.getConnection().execute<EvidenceRow[]>(
    `select r.household_id, r.member_id, s.status, s.school, s.recorded_at
       from roster r left join schooling s on s.member_id = r.member_id and s.year = ?
      where r.household_id = any(string_to_array(?, ',')::uuid[]) and ${rosterMemberIn('r', year)}
        and r.birth_date > ?::date and r.birth_date <= ?::date
      order by r.household_id, r.member_id`,
    [year, householdIds.join(','), oldest, youngest],
  );
  const byHousehold = new Map<string, CoverageEvidence[]>();
  for (const r of rows) {
    const asOf = latestTimestamp(r.recorded_at);
    const list = byHousehold.get(r.household_id) ?? [];
    list.push(
      { rule: GapKind.DROPOUT, memberId: r.member_id, field: 'schoolingStatus', value: r.status ?? 'NONE', asOf },
      { rule: GapKind.DROPOUT, memberId: r.member_id, field: 'school', value: r.school, asOf },
    );
    byHousehold.set(r.household_id, list);
  }
  return byHousehold;
}
