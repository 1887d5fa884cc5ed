import { Batch, type CoverageEvidence, type CoverageOf, fenToDecimal, GapKind, latestTimestamp, parseYuan, rosterMemberIn, z } from '@fupin/kit';

/** The health department's own settings. */
export const healthSettings = z.object({
  /**
   * 基本医疗有保障: the out-of-pocket share of a household's medical costs in a year above which
   * it carries a high medical burden. Each deployment sets it; no national text fixes it.
   */
  FUPIN_OUT_OF_POCKET_LIMIT: z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'a share from 0 to 1 with at most four decimals, such as 0.10')
    .default('0.10'),
});

/** The share in basis points (0.10 → 1000), so the comparison is exact in integers. */
const basisPoints = (share: string) => Math.round(Number(share) * 10_000);

/** out-of-pocket / total above the limit, exactly: no float division decides a household's exit. */
export function aboveLimit(outOfPocketFen: number, totalFen: number, limit: string): boolean {
  return totalFen > 0 && BigInt(outOfPocketFen) * 10_000n > BigInt(totalFen) * BigInt(basisPoints(limit));
}

interface Row {
  household_id: string;
  village_code: string;
  members: number;
  uninsured: string[];
  total: string | null;
  out_of_pocket: string | null;
  assistance: string | null;
  as_of: Date | string | null;
}

/**
 * The health department's part of a household's coverage for a year: UNINSURED_MEMBER for each
 * member with no basic medical insurance for the year, HIGH_MEDICAL_BURDEN when out-of-pocket
 * over total cost of the members' claims dated in the year is above the limit (no claims: no
 * burden), and the SOCIAL_SECURITY batch when medical assistance was paid on such a claim.
 * One statement for the batch.
 */
export const healthCoverage: CoverageOf = async ({ em, settings }, householdIds, year, options) => {
  const limit = (settings as z.infer<typeof healthSettings>).FUPIN_OUT_OF_POCKET_LIMIT ?? '0.10';
  const rows = await em.getConnection().execute<Row[]>(
    `with m as (
       select r.household_id, r.village_code, r.member_id, e.member_id is not null as insured, e.recorded_at as enrolled_at
         from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = ?
        where r.household_id = any(string_to_array(?, ',')::uuid[]) and ${rosterMemberIn('r', year)}
     ), c as (
       select m.household_id, sum(c.total_cost) as total, sum(c.out_of_pocket) as out_of_pocket, sum(c.assistance_paid) as assistance, max(c.recorded_at) as as_of
         from m join medical_claim c on c.member_id = m.member_id and c.date between ?::date and ?::date
        group by m.household_id
     )
     select m.household_id, min(m.village_code) as village_code, count(*)::int as members,
            coalesce(array_agg(m.member_id::text order by m.member_id) filter (where not m.insured), '{}') as uninsured,
            max(c.total)::text as total, max(c.out_of_pocket)::text as out_of_pocket, max(c.assistance)::text as assistance,
            greatest(max(m.enrolled_at), max(c.as_of)) as as_of
       from m left join c on c.household_id = m.household_id
      group by m.household_id`,
    [year, householdIds.join(','), `${year}-01-01`, `${year}-12-31`],
  );
  const evidence = options?.evidence ? await healthEvidence(em, householdIds, year) : null;
  return rows.map((r) => {
    const total = parseYuan(r.total ?? '0') ?? 0;
    const outOfPocket = parseYuan(r.out_of_pocket ?? '0') ?? 0;
    const burden = aboveLimit(outOfPocket, total, limit);
    return {
      householdId: r.household_id,
      villageCode: r.village_code,
      members: r.members,
      batches: (parseYuan(r.assistance ?? '0') ?? 0) > 0 ? [Batch.SOCIAL_SECURITY] : [],
      gaps: [
        ...r.uninsured.map((memberId) => ({ kind: GapKind.UNINSURED_MEMBER, memberId, detail: `no basic medical insurance for ${year}` })),
        ...(burden
          ? [{ kind: GapKind.HIGH_MEDICAL_BURDEN, memberId: null, detail: `out of pocket ${fenToDecimal(outOfPocket)} of ${fenToDecimal(total)} in ${year}, above ${basisPoints(limit) / 100}%` }]
          : []),
      ],
      asOf: latestTimestamp(r.as_of),
      ...(evidence ? { evidence: evidence.get(r.household_id) ?? [] } : {}),
    };
  });
};

interface EvidenceRow {
  household_id: string;
  enrollments: { member_id: string; scheme: string | null; recorded_at: string | null }[];
  total: string | null;
  out_of_pocket: string | null;
  claims_as_of: Date | string | null;
}

/**
 * What the rules read, for an exit's evidence: each member's enrollment for the year (scheme or
 * none), and the medical totals and share of the year's claims. One statement for the batch,
 * run only when an exit is judged.
 */
async function healthEvidence(em: Parameters<CoverageOf>[0]['em'], householdIds: string[], year: number): Promise<Map<string, CoverageEvidence[]>> {
  const rows = await em.getConnection().execute<EvidenceRow[]>(
    `select r.household_id,
            json_agg(json_build_object('member_id', r.member_id, 'scheme', e.scheme, 'recorded_at', e.recorded_at) order by r.member_id) as enrollments,
            (select sum(c.total_cost)::text from medical_claim c join roster r2 on r2.member_id = c.member_id
              where r2.household_id = r.household_id and ${rosterMemberIn('r2', year)} and c.date between ?::date and ?::date) as total,
            (select sum(c.out_of_pocket)::text from medical_claim c join roster r2 on r2.member_id = c.member_id
              where r2.household_id = r.household_id and ${rosterMemberIn('r2', year)} and c.date between ?::date and ?::date) as out_of_pocket,
            (select max(c.recorded_at) from medical_claim c join roster r2 on r2.member_id = c.member_id
              where r2.household_id = r.household_id and ${rosterMemberIn('r2', year)} and c.date between ?::date and ?::date) as claims_as_of
       from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = ?
      where r.household_id = any(string_to_array(?, ',')::uuid[]) and ${rosterMemberIn('r', year)}
      group by r.household_id`,
    [`${year}-01-01`, `${year}-12-31`, `${year}-01-01`, `${year}-12-31`, `${year}-01-01`, `${year}-12-31`, year, householdIds.join(',')],
  );
  return new Map(
    rows.map((r) => {
      const total = parseYuan(r.total ?? '0') ?? 0;
      const outOfPocket = parseYuan(r.out_of_pocket ?? '0') ?? 0;
      const claimsAsOf = latestTimestamp(r.claims_as_of);
      // The share as a fraction from 0 to 1 (0 when there is no cost), four decimals.
      const share = total > 0 ? (outOfPocket / total).toFixed(4) : '0';
      return [
        r.household_id,
        [
          ...r.enrollments.map((e) => ({ rule: GapKind.UNINSURED_MEMBER, memberId: e.member_id, field: 'insuranceScheme', value: e.scheme ?? 'NONE', asOf: latestTimestamp(e.recorded_at) })),
          { rule: GapKind.HIGH_MEDICAL_BURDEN, memberId: null, field: 'medicalTotalCost', value: fenToDecimal(total), asOf: claimsAsOf },
          { rule: GapKind.HIGH_MEDICAL_BURDEN, memberId: null, field: 'medicalOutOfPocket', value: fenToDecimal(outOfPocket), asOf: claimsAsOf },
          { rule: GapKind.HIGH_MEDICAL_BURDEN, memberId: null, field: 'outOfPocketShare', value: share, asOf: claimsAsOf },
        ],
      ];
    }),
  );
}
