import { COUNTED_ROSTER, memberEntry, type Page, rosterMemberIn, type SubgraphContext, workListPage } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { COMPULSORY_AGE, schoolAge } from '../schooling/school-age.js';
import { SchoolStatus } from '../schooling/schooling.enums.js';
import type { SchoolStage } from '../schooling/schooling.enums.js';
import { type Dropout, DropoutReason, type DropoutsArgs } from './dropout.type.js';

interface DropoutRow extends Record<string, unknown> {
  village_code: string;
  household_id: string;
  member_id: string;
  birth_date: string;
  school: string | null;
  stage: SchoolStage | null;
  status: SchoolStatus | null;
  recorded_at: Date | null;
}

/**
 * 控辍保学: the compulsory-age members of a region (by the roster's birth dates) with no
 * schooling record for the school year or one that says DROPPED_OUT, by village and
 * household; one statement over the roster replica and the schooling table.
 */
export async function dropouts(ctx: SubgraphContext, info: GraphQLResolveInfo, args: DropoutsArgs): Promise<Page<Dropout>> {
  const { year } = args;
  // Born after 31 August of year-16 (not yet 16 that day) and on or before 31 August of year-6.
  const youngest = `${year - COMPULSORY_AGE.from}-08-31`;
  const oldest = `${year - COMPULSORY_AGE.to - 1}-08-31`;
  const page = await workListPage<DropoutRow>(ctx, info, {
    target: 'Query.dropouts',
    regionCode: args.regionCode,
    year,
    first: args.first,
    after: args.after,
    key: ['village_code', 'household_id', 'member_id'],
    sql: ({ lo, hi }) => ({
      text: `select r.village_code, r.household_id, r.member_id, r.birth_date::text as birth_date, s.school, s.stage, s.status, s.recorded_at
               from roster r left join schooling s on s.member_id = r.member_id and s.year = ?
              where r.village_code >= ? and r.village_code < ? and ${COUNTED_ROSTER}
                and r.birth_date > ? and r.birth_date <= ?
                and (s.member_id is null or s.status = '${SchoolStatus.DROPPED_OUT}')
                and ${rosterMemberIn('r', year)}`,
      params: [year, lo, hi, oldest, youngest],
    }),
  });
  return {
    ...page,
    nodes: page.nodes.map((r) => ({
      ...memberEntry(r),
      age: schoolAge(r.birth_date, year),
      reason: r.status === null ? DropoutReason.NO_RECORD : DropoutReason.DROPPED_OUT,
      schooling: r.status === null ? null : { year, school: r.school!, stage: r.stage!, status: r.status, recordedAt: r.recorded_at! },
    })),
  };
}
