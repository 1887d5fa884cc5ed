import type { FourZerosFigure } from '@fupin/kit';
import { householdEmploymentParams, householdEmploymentSql } from '../employment/employment.rule.js';

/** 零就业家庭 counted, by the one rule the work list and the coverage read. */
export const zeroEmployment: FourZerosFigure = {
  rule: (year, where) => ({
    sql: `select h.household_id, h.village_code, 1 as n from (${householdEmploymentSql(where)}) h where h.zero_employment`,
    params: householdEmploymentParams(year),
  }),
  sources: { employment: 'member_id' },
};
