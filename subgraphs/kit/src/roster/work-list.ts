import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { inJurisdiction } from '../auth/caller.js';
import { refuseRead } from '../audit/audit.middleware.js';
import type { SubgraphContext } from '../context.js';
import { COUNTRY_CODE, readRegionCode, regionRange } from '../domain/region-code.js';
import { requireRegistryYear } from '../domain/input.js';
import { BadUserInputError } from '../errors.js';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../graphql/pagination.js';


/**
 * Roster rows `r` that count: a household removed (清退, identified in error) counts nowhere —
 * not in the four zeros, not in a work list (domain.md) — while its records stay readable.
 */
export const COUNTED_ROSTER = `r.household_status <> 'REMOVED'`;

/**
 * A region a department reads figures or lists of: a region code (or the whole country),
 * inside the caller's jurisdiction. Outside it the read is refused, and the refusal audited.
 */
export async function requireReadableRegion(ctx: SubgraphContext, target: string, regionCode: string): Promise<{ lo: string; hi: string }> {
  if (regionCode !== COUNTRY_CODE && typeof readRegionCode(regionCode) === 'string') throw new BadUserInputError('regionCode is not a region code', { field: 'regionCode' });
  if (!inJurisdiction(ctx.caller, regionCode)) return refuseRead(ctx, target, regionCode, 'region is outside your jurisdiction');
  return regionRange(regionCode);
}

/**
 * Whether the query selects `field` directly under the current field (fragments included), or
 * the path `field`, `below`... (`selects(info, 'nodes', 'members')`).
 */
export function selects(info: GraphQLResolveInfo, field: string, ...below: string[]): boolean {
  const path = [field, ...below];
  // A fragment is looked into once per step of the path: one that did not hold the field there
  // will not the next time it is spread (a fragment spreading the next one twice, thirty deep,
  // is thirty looks, not 2^30).
  const looked = new Set<string>();
  const within = (set: SelectionSetNode | undefined, depth: number): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === path[depth] && (depth === path.length - 1 || within(s.selectionSet, depth + 1));
      if (s.kind === 'InlineFragment') return within(s.selectionSet, depth);
      const key = `${depth} ${s.name.value}`;
      if (looked.has(key)) return false;
      looked.add(key);
      return within(info.fragments[s.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet, 0));
}

export interface WorkListQuery {
  /** `Type.field` of the list, for the audit row of a refusal. */
  target: string;
  regionCode: string;
  /** The list's year, when it has one (checked: 2014 to next year); a list of today has none. */
  year?: number;
  first?: number | null;
  after?: string | null;
  /**
   * The whole list as one `select` over the roster replica and the department's tables, for the
   * villages `lo <= village_code < hi`; its columns include every `key` column.
   */
  sql(range: { lo: string; hi: string }): { text: string; params: unknown[] };
  /** Columns that order the list and identify a row (the cursor holds their values). */
  key: readonly string[];
}

/**
 * A department's work list for a region, of a year or of today (dropouts, unsafe houses,
 * households with no job): computed in one SQL statement over the roster replica, in the caller's
 * jurisdiction, paged by key (a cursor stays valid while rows come and go), and counted only
 * when the query asks for `totalCount`.
 */
export async function workListPage<R extends Record<string, unknown>>(ctx: SubgraphContext, info: GraphQLResolveInfo, q: WorkListQuery): Promise<Page<R>> {
  if (q.year !== undefined) requireRegistryYear(q.year);
  const first = pageSize(q.first);
  const range = await requireReadableRegion(ctx, q.target, q.regionCode);
  const after = q.after ? decodeCursor(q.after).split('|') : null;
  if (after && after.length !== q.key.length) throw new BadUserInputError('after is not a cursor from this list', { field: 'after' });

  const list = q.sql(range);
  const keys = q.key.join(', ');
  const page = `select * from list ${after ? `where (${keys}) > (${q.key.map(() => '?').join(', ')})` : ''} order by ${keys} limit ?`;
  const pageParams = [...(after ?? []), first + 1];
  const counted = selects(info, 'totalCount');
  // Counted: the count and the page in one statement, a row even when the page is empty.
  const text = counted
    ? `with list as (${list.text}) select c.total_count, p.* from (select count(*) as total_count from list) c left join lateral (${page}) p on true`
    : `with list as (${list.text}) ${page}`;
  const rows = await ctx.em.getConnection().execute<(R & { total_count?: string })[]>(text, [...list.params, ...pageParams]);
  const found = rows.filter((r) => r[q.key[0]!] !== null);
  const nodes = found.slice(0, first) as R[];
  const last = nodes.at(-1);
  return {
    // Not asked, not counted: the field is not in the response.
    totalCount: counted ? Number(rows[0]!.total_count) : 0,
    pageInfo: { hasNextPage: found.length > first, endCursor: last ? encodeCursor(q.key.map((k) => String(last[k])).join('|')) : null },
    nodes,
  };
}
