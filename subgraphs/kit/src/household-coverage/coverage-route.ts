import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { READERS } from '../auth/authorize.js';
import { type Caller, inJurisdiction } from '../auth/caller.js';
import { appendAudit } from '../audit/audit.js';
import { requestIdFrom } from '../context.js';
import { isRegistryYear } from '../domain/dates.js';
import { isUuid } from '../domain/ids.js';
import { json } from '../server/http.js';
import type { ReplicaState } from '../roster/replication.js';
import { COVERAGE_BATCH_LIMIT, type CoverageOptions, type CoveragePart } from './coverage.js';

/** What a department's coverage reads: its database and its own settings. */
export interface CoverageContext {
  em: EntityManager;
  settings: Record<string, unknown>;
}

/** A department's part, for households it has on its roster (with their village, for jurisdiction). */
export type CoverageOf = (ctx: CoverageContext, householdIds: string[], year: number, options?: CoverageOptions) => Promise<(CoveragePart & { villageCode: string })[]>;

/**
 * The department's answer to the registry: signed like every gateway call (the caller is the
 * one who asked the registry; the kit's http checked the signature for this route and body),
 * for the registry's readers, households in the caller's
 * jurisdiction only. Households it does not have are left out: the registry reads that as
 * "not consulted" (its roster is behind), never as "no gap".
 */
export function coverageRoute(coverage: CoverageOf, em: () => EntityManager, settings: Record<string, unknown>, replica: () => ReplicaState) {
  return async (req: IncomingMessage, res: ServerResponse, body: unknown, caller: Caller | undefined): Promise<void> => {
    if (!caller) return json(res, 401, { error: 'no gateway credentials' });
    if (replica() !== 'CURRENT') return json(res, 503, { error: 'its roster is behind the registry (ROSTER_BEHIND)', code: 'ROSTER_BEHIND' });
    // Refusals are audited as on the GraphQL path: who asked, for what, and why not.
    const refused = (subjectId: string | null) => appendAudit(em(), caller, requestIdFrom(req.headers), { action: 'read Household.coverage', subjectId, outcome: 'REFUSED', reason: 'FORBIDDEN' });
    if (!(READERS as readonly string[]).includes(caller.role)) {
      await refused(null);
      return json(res, 403, { error: 'coverage is for the registry readers' });
    }
    const { householdIds, year, evidence } = (body ?? {}) as { householdIds?: unknown; year?: unknown; evidence?: unknown };
    if (!Array.isArray(householdIds) || householdIds.length > COVERAGE_BATCH_LIMIT || !householdIds.every((id) => typeof id === 'string' && isUuid(id))) {
      return json(res, 400, { error: `householdIds: up to ${COVERAGE_BATCH_LIMIT} household ids` });
    }
    if (typeof year !== 'number' || !isRegistryYear(year)) return json(res, 400, { error: 'year must be from 2014 to next year' });
    const parts = await coverage({ em: em(), settings }, householdIds as string[], year, { evidence: evidence === true });
    // The registry asks only for households its caller may see; one it did not is refused here
    // too (left out), and audited once per household.
    const outside = [...new Set(parts.filter((p) => !inJurisdiction(caller, p.villageCode)).map((p) => p.householdId))];
    for (const householdId of outside) await refused(householdId);
    json(res, 200, { parts: parts.filter((p) => inJurisdiction(caller, p.villageCode)).map(({ villageCode: _v, ...part }) => part) });
  };
}
