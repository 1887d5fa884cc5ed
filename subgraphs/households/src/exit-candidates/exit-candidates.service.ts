import { type Caller, decodeCursor, encodeCursor, findRows, type PageInfo, pageSize, requireRegistryYear } from '@fupin/kit';
import { householdRange } from '../access.js';
import { coverageOf, type CoverageRequest } from '../household-coverage/coverage.service.js';
import { PovertyStatus } from '../household/household.enums.js';
import { HouseholdEntity } from '../household/household.entity.js';
import { OPEN_STEPS } from '../status-change/status-change-step.enum.js';
import { StatusChangeProposalEntity } from '../status-change/status-change-proposal.entity.js';

/** Households read and judged per round: one registry statement and one call per department. */
export const EXIT_CANDIDATE_SCAN = 100;
/** Rounds per request at most: a page costs at most this many coverage batches, however few are eligible. */
export const EXIT_CANDIDATE_ROUNDS = 5;

export interface ExitCandidatePage {
  nodes: HouseholdEntity[];
  pageInfo: PageInfo;
  /** Households judged for this page. */
  scanned: number;
}

/**
 * The village's work list for the exit procedure: households of a region and below (within the
 * caller's jurisdiction) that are POOR or RELAPSED, have no open proposal, and whose coverage
 * of the year is exit-eligible now, by household number. Eligibility is computed per round of
 * EXIT_CANDIDATE_SCAN households (one coverage batch), for at most EXIT_CANDIDATE_ROUNDS rounds:
 * a page may hold fewer than `first` and still have a next page, its cursor after the last
 * household judged. A department that cannot be consulted makes no household eligible.
 */
export async function exitCandidates(req: CoverageRequest, caller: Caller, regionCode: string, year: number, args: { first?: number | null; after?: string | null }): Promise<ExitCandidatePage> {
  requireRegistryYear(year);
  const first = pageSize(args.first);
  if (first === 0) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, scanned: 0 };
  const where = { villageCode: householdRange(caller, regionCode), status: { $in: [PovertyStatus.POOR, PovertyStatus.RELAPSED] } };
  let after = args.after ? decodeCursor(args.after) : null;
  const nodes: HouseholdEntity[] = [];
  let scanned = 0;
  for (let round = 0; round < EXIT_CANDIDATE_ROUNDS && nodes.length < first; round++) {
    const rows = await findRows(req.em, HouseholdEntity, after ? { ...where, householdNumber: { $gt: after } } : where, { householdNumber: 'asc' }, EXIT_CANDIDATE_SCAN + 1);
    const batch = rows.slice(0, EXIT_CANDIDATE_SCAN);
    if (batch.length === 0) return { nodes, pageInfo: { hasNextPage: false, endCursor: after ? encodeCursor(after) : null }, scanned };
    const ids = batch.map((h) => h.id);
    const [open, coverage] = await Promise.all([
      findRows(req.em, StatusChangeProposalEntity, { householdId: { $in: ids }, step: { $in: OPEN_STEPS } }),
      coverageOf(req, ids, year),
    ]);
    const proposed = new Set(open.map((p) => p.householdId));
    for (const h of batch) {
      scanned++;
      after = h.householdNumber;
      if (!proposed.has(h.id) && coverage.get(h.id)?.exitEligible) nodes.push(h);
      // The page is full: the next one starts after this household, judged again then.
      if (nodes.length === first) return { nodes, pageInfo: { hasNextPage: h !== batch.at(-1) || rows.length > EXIT_CANDIDATE_SCAN, endCursor: encodeCursor(after) }, scanned };
    }
    if (rows.length <= EXIT_CANDIDATE_SCAN) return { nodes, pageInfo: { hasNextPage: false, endCursor: after ? encodeCursor(after) : null }, scanned };
  }
  return { nodes, pageInfo: { hasNextPage: true, endCursor: after ? encodeCursor(after) : null }, scanned };
}
