import { COUNTED_ROSTER, memberEntry, type Page, parseYuan, type RegionYearPageArgs, rosterMemberIn, type SubgraphContext, workListPage } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { EmploymentStatus } from '../employment/employment.enums.js';
import { ageAtYearEnd, MIN_MONTHS_EMPLOYED, SOME_LABOR, workingAgeBirthDates } from '../employment/employment.rule.js';
import { type MemberWithoutWork, WithoutWorkReason } from './without-work.type.js';

interface WithoutWorkRow extends Record<string, unknown> {
  village_code: string;
  household_id: string;
  member_id: string;
  birth_date: string;
  status: EmploymentStatus | null;
  months_worked: number | null;
  monthly_income: string | null;
  employer: string | null;
  recorded_at: Date | null;
}

/**
 * 就业帮扶台账: the working-age members of a region (16 to 60 on 31 December, by the roster)
 * with some labor — SKILLED, ORDINARY or WEAK, the weak being whom public-welfare posts are
 * for — and no employment record for the year or an UNEMPLOYED one; by village, household
 * and member, one statement over the roster replica and the employment table.
 */
export async function membersWithoutWork(ctx: SubgraphContext, info: GraphQLResolveInfo, args: RegionYearPageArgs): Promise<Page<MemberWithoutWork>> {
  const { year } = args;
  const { earliest, latest } = workingAgeBirthDates(year);
  const page = await workListPage<WithoutWorkRow>(ctx, info, {
    target: 'Query.membersWithoutWork',
    regionCode: args.regionCode,
    year,
    first: args.first,
    after: args.after,
    key: ['village_code', 'household_id', 'member_id'],
    sql: ({ lo, hi }) => ({
      text: `select r.village_code, r.household_id, r.member_id, r.birth_date::text as birth_date,
                    e.status, e.months_worked, e.monthly_income, e.employer, e.recorded_at
               from roster r left join employment e on e.member_id = r.member_id and e.year = ?
              where r.village_code >= ? and r.village_code < ? and ${COUNTED_ROSTER}
                and r.birth_date between ? and ?
                and r.labor_capacity in (${SOME_LABOR.map((c) => `'${c}'`).join(', ')})
                and (e.member_id is null or e.status = '${EmploymentStatus.UNEMPLOYED}' or e.months_worked < ${MIN_MONTHS_EMPLOYED})
                and ${rosterMemberIn('r', year)}`,
      params: [year, lo, hi, earliest, latest],
    }),
  });
  return {
    ...page,
    nodes: page.nodes.map((r) => ({
      ...memberEntry(r),
      age: ageAtYearEnd(r.birth_date, year),
      reason: r.status === null ? WithoutWorkReason.NO_RECORD : r.status === EmploymentStatus.UNEMPLOYED ? WithoutWorkReason.UNEMPLOYED : WithoutWorkReason.NO_MONTHS_WORKED,
      employment:
        r.status === null
          ? null
          : { year, status: r.status, monthsWorked: r.months_worked!, monthlyIncome: parseYuan(r.monthly_income)!, employer: r.employer, recordedAt: r.recorded_at! },
    })),
  };
}
