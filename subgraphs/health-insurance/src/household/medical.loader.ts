import { householdYearLoader, parseYuan, readRows, rosterMemberIn } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdMedical } from './medical.type.js';

const fen = (v: unknown) => parseYuan(String(v ?? '0')) ?? 0;

/**
 * A page of households in one statement per year: members and enrollments from the roster
 * side, claims dated in the year summed per household.
 */
async function medicalOf(em: EntityManager, year: number, householdIds: string[]): Promise<(HouseholdMedical & { householdId: string })[]> {
  const rows = await readRows<Record<string, string | number>>(
    em,
    `with members as (
       select r.household_id, r.member_id, (e.member_id is not null) as insured
         from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = ?
        where r.household_id = any(?) and ${rosterMemberIn('r', year)}
     ), costs as (
       select m.household_id, count(c.id) as claims, sum(c.total_cost) as total_cost, sum(c.basic_paid) as basic_paid,
              sum(c.critical_illness_paid) as critical_illness_paid, sum(c.supplementary_paid) as supplementary_paid,
              sum(c.assistance_paid) as assistance_paid, sum(c.out_of_pocket) as out_of_pocket
         from members m join medical_claim c on c.member_id = m.member_id and c.date between ? and ?
        group by m.household_id
     )
     select m.household_id, count(*) as members, count(*) filter (where not m.insured) as uninsured,
            max(k.claims) as claims, max(k.total_cost)::text as total_cost, max(k.basic_paid)::text as basic_paid,
            max(k.critical_illness_paid)::text as critical_illness_paid, max(k.supplementary_paid)::text as supplementary_paid,
            max(k.assistance_paid)::text as assistance_paid, max(k.out_of_pocket)::text as out_of_pocket
       from members m left join costs k on k.household_id = m.household_id
      group by m.household_id`,
    [year, householdIds, `${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => {
    const totalCost = fen(r.total_cost);
    const outOfPocket = fen(r.out_of_pocket);
    return {
      householdId: String(r.household_id),
      year,
      members: Number(r.members),
      uninsuredMembers: Number(r.uninsured),
      claims: Number(r.claims ?? 0),
      totalCost,
      basicPaid: fen(r.basic_paid),
      criticalIllnessPaid: fen(r.critical_illness_paid),
      supplementaryPaid: fen(r.supplementary_paid),
      assistancePaid: fen(r.assistance_paid),
      outOfPocket,
      outOfPocketShare: totalCost === 0 ? 0 : outOfPocket / totalCost,
    };
  });
}

export function medicalLoaders(em: EntityManager) {
  return {
    medicalByHouseholdYear: householdYearLoader((year, householdIds) => medicalOf(em, year, householdIds), (m) => m.householdId),
  };
}
