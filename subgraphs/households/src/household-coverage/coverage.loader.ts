import { householdYearLoader } from '@fupin/kit';
import type { Context } from '../loaders.js';
import { coverageOf } from './coverage.service.js';
import type { HouseholdCoverage } from './coverage.type.js';

const perRequest = new WeakMap<Context, ReturnType<typeof createCoverageLoader>>();

function createCoverageLoader(ctx: Context) {
  const request = { em: ctx.em, peers: ctx.peers, caller: ctx.caller, povertyLines: ctx.settings.FUPIN_POVERTY_LINES, timeoutMs: ctx.settings.FUPIN_COVERAGE_TIMEOUT_MS };
  return householdYearLoader<HouseholdCoverage & { householdId: string }>(
    async (year, householdIds) => [...(await coverageOf(request, householdIds, year))].map(([householdId, c]) => ({ ...c, householdId })),
    (c) => c.householdId,
  );
}

/** A page of households asking for one year's coverage: one registry statement and one call per department. */
export function coverageLoader(ctx: Context) {
  let loader = perRequest.get(ctx);
  if (!loader) perRequest.set(ctx, (loader = createCoverageLoader(ctx)));
  return loader;
}
