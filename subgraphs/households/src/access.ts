import { type Caller, ForbiddenError, inJurisdiction, jurisdictionRange, regionPrefix } from '@fupin/kit';
import type { HouseholdEntity } from './household/household.entity.js';
import type { Context } from './loaders.js';
import type { MemberEntity } from './member/member.entity.js';

/**
 * Jurisdiction, enforced here in the subgraph on every read path (root fields, nested
 * fields, `_entities`), not only at the gateway. A caller sees the regions in their
 * jurisdiction and the ancestors of it (names to navigate by, no households), and the
 * households and members of villages in it.
 */
export function canSeeRegion(caller: Caller, code: string): boolean {
  return inJurisdiction(caller, code) || caller.regionCode.startsWith(regionPrefix(code));
}

export function visibleRegion<T extends { code: string }>(caller: Caller, region: T | null): T | null {
  if (region && !canSeeRegion(caller, region.code)) throw new ForbiddenError('region is outside your jurisdiction');
  return region;
}

export function visibleHousehold(caller: Caller, household: HouseholdEntity | null): HouseholdEntity | null {
  if (household && !inJurisdiction(caller, household.villageCode)) throw new ForbiddenError('household is outside your jurisdiction');
  return household;
}

export async function visibleMember(ctx: Context, member: MemberEntity | null): Promise<MemberEntity | null> {
  if (!member) return null;
  visibleHousehold(ctx.caller, await ctx.loaders.householdById.load(member.householdId));
  return member;
}

/** The villages whose households a caller may list under a region: the two ranges' overlap. */
export function householdRange(caller: Caller, regionCode: string): { $gte: string; $lt: string } {
  const mine = jurisdictionRange(caller);
  const prefix = regionPrefix(regionCode);
  const theirs = { lo: prefix.padEnd(12, '0'), hi: (prefix + '\uffff').padEnd(12, '0') };
  return { $gte: mine.lo > theirs.lo ? mine.lo : theirs.lo, $lt: mine.hi < theirs.hi ? mine.hi : theirs.hi };
}

/** Writes stay inside the writer's jurisdiction too. */
export function assertWritable(caller: Caller, code: string, what: string): void {
  if (!inJurisdiction(caller, code)) throw new ForbiddenError(`${what} is outside your jurisdiction`);
}
