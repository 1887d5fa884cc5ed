import { rosterMemberIn } from '@fupin/kit';
import type { FourZerosFigure } from '@fupin/kit';

/**
 * 零负担 counted: HIGH_MEDICAL_BURDEN, the coverage gap's rule in exact numeric (out of pocket
 * above the limit of the total of the members' claims dated in the year; no claims, no burden).
 */
export const highMedicalBurden: FourZerosFigure = {
  rule: (year, where, settings) => ({
    sql: `select r.household_id, min(r.village_code) as village_code, 1 as n
            from roster r join medical_claim c on c.member_id = r.member_id and c.date between ?::date and ?::date
           where ${where} and ${rosterMemberIn('r', year)}
           group by r.household_id
          having sum(c.total_cost) > 0 and sum(c.out_of_pocket) > sum(c.total_cost) * ?::numeric`,
    params: [`${year}-01-01`, `${year}-12-31`, settings.FUPIN_OUT_OF_POCKET_LIMIT ?? '0.10'],
  }),
  sources: { medical_claim: 'member_id' },
};
