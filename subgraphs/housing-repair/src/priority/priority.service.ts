import { COUNTED_ROSTER, householdEntry, type Page, rosterMemberNow, type SubgraphContext, todayInChina, workListPage } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { AppraisalGrade } from '../appraisal/appraisal.enums.js';
import { housingStatusSql, type HousingStatusRow } from '../housing/housing.rule.js';
import { PriorityGroup, type UnsafeHousingArgs, type UnsafeHousingEntry } from './priority.type.js';

interface PriorityRow extends HousingStatusRow {
  village_code: string;
  registered_poor: boolean;
  household_type: string;
  disabled_member: boolean;
}

/**
 * 危房改造 work list: the priority households of a region (registered poor — its history holds
 * POOR at any time, the roster's `ever_poor`, so a household lifted and then monitored is one
 * and an at-risk household registered straight as MONITORED is not — DIBAO, TEKUN, or with a
 * disabled member, by the roster; a REMOVED household is none) whose housing is not safe today, by village and
 * household; one statement over the roster replica and the housing tables.
 */
export async function unsafeHousing(ctx: SubgraphContext, info: GraphQLResolveInfo, args: UnsafeHousingArgs): Promise<Page<UnsafeHousingEntry>> {
  const page = await workListPage<PriorityRow>(ctx, info, {
    target: 'Query.unsafeHousing',
    regionCode: args.regionCode,
    first: args.first,
    after: args.after,
    key: ['village_code', 'household_id'],
    sql: ({ lo, hi }) => ({
      text: `select * from (${housingStatusSql(`
                select household_id, min(village_code) as village_code, min(household_type) as household_type,
                       bool_or(ever_poor) as registered_poor, bool_or(health_status = 'DISABLED') as disabled_member
                  from roster r where r.village_code >= ? and r.village_code < ? and ${COUNTED_ROSTER}
                   and ${rosterMemberNow('r')}
                 group by household_id
                having bool_or(ever_poor or household_type in ('DIBAO', 'TEKUN') or health_status = 'DISABLED')`)}) s
             where s.unsafe_reason is not null`,
      params: [lo, hi, todayInChina()],
    }),
  });
  return {
    ...page,
    nodes: page.nodes.map((r) => ({
      ...householdEntry(r),
      reason: r.unsafe_reason!,
      latestGrade: r.latest_grade as AppraisalGrade | null,
      latestAppraisedOn: r.latest_appraised_on,
      priorityGroups: [
        ...(r.registered_poor ? [PriorityGroup.REGISTERED_POOR] : []),
        ...(r.household_type === 'DIBAO' ? [PriorityGroup.DIBAO] : []),
        ...(r.household_type === 'TEKUN' ? [PriorityGroup.TEKUN] : []),
        ...(r.disabled_member ? [PriorityGroup.DISABLED_MEMBER] : []),
      ],
    })),
  };
}
