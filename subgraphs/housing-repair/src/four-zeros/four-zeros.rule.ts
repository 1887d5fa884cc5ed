import { rosterMemberIn } from '@fupin/kit';
import type { FourZerosFigure } from '@fupin/kit';
import { housingStatusSql } from '../housing/housing.rule.js';

/** 住房安全有保障 counted: the safe-housing rule as of 31 December of the year, not safe. */
export const unsafeHousing: FourZerosFigure = {
  rule: (year, where) => ({
    sql: `select s.household_id, s.village_code, 1 as n
            from (${housingStatusSql(`select r.household_id, min(r.village_code) as village_code from roster r where ${where} and ${rosterMemberIn('r', year)} group by r.household_id`)}) s
           where s.unsafe_reason is not null`,
    params: [`${year}-12-31`],
  }),
  sources: { appraisal: 'household_id', renovation: 'household_id', relocation: 'household_id' },
};
