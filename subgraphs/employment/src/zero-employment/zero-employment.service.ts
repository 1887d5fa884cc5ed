import { COUNTED_ROSTER, householdEntry, type Page, type RegionYearPageArgs, type SubgraphContext, workListPage } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { householdEmploymentParams, householdEmploymentSql } from '../employment/employment.rule.js';
import type { ZeroEmploymentHousehold } from './zero-employment.type.js';

interface ZeroEmploymentRow extends Record<string, unknown> {
  village_code: string;
  household_id: string;
  able_member_ids: string[];
}

/**
 * 零就业家庭 of a region and year, by the one rule (`employment.rule.ts`), by village and
 * household; one statement over the roster replica and the employment table.
 */
export async function zeroEmploymentHouseholds(ctx: SubgraphContext, info: GraphQLResolveInfo, args: RegionYearPageArgs): Promise<Page<ZeroEmploymentHousehold>> {
  const page = await workListPage<ZeroEmploymentRow>(ctx, info, {
    target: 'Query.zeroEmploymentHouseholds',
    regionCode: args.regionCode,
    year: args.year,
    first: args.first,
    after: args.after,
    key: ['village_code', 'household_id'],
    sql: ({ lo, hi }) => ({
      text: `select * from (${householdEmploymentSql(`r.village_code >= ? and r.village_code < ? and ${COUNTED_ROSTER}`)}) h where h.zero_employment`,
      params: [...householdEmploymentParams(args.year), lo, hi],
    }),
  });
  return {
    ...page,
    nodes: page.nodes.map((r) => ({ ...householdEntry(r), ableMembers: r.able_member_ids.map((id) => ({ id })) })),
  };
}
