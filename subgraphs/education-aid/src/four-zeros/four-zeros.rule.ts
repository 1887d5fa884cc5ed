import { rosterMemberIn } from '@fupin/kit';
import type { FourZerosFigure } from '@fupin/kit';
import { COMPULSORY_AGE } from '../schooling/school-age.js';
import { SchoolStatus } from '../schooling/schooling.enums.js';

/**
 * 控辍保学 counted: the members of compulsory school age on 31 August with no schooling record
 * for the school year or one that says DROPPED_OUT — the dropout roster's and the gap's rule.
 */
export const dropoutMembers: FourZerosFigure = {
  rule: (year, where) => ({
    sql: `select r.household_id, min(r.village_code) as village_code, count(*)::int as n
            from roster r left join schooling s on s.member_id = r.member_id and s.year = ?
           where r.birth_date > ?::date and r.birth_date <= ?::date and (s.member_id is null or s.status = '${SchoolStatus.DROPPED_OUT}')
             and ${where} and ${rosterMemberIn('r', year)}
           group by r.household_id`,
    params: [year, `${year - COMPULSORY_AGE.to - 1}-08-31`, `${year - COMPULSORY_AGE.from}-08-31`],
  }),
  sources: { schooling: 'member_id' },
};
