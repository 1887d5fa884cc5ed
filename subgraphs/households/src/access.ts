import { type Caller, inJurisdiction, jurisdictionRange, refuseRead, regionPrefix } from '@fupin/kit';
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

// A refused read is audited like a refused write (every refused attempt is).
export async function visibleRegion<T extends { code: string }>(ctx: Context, region: T | null): Promise<T | null> {
  if (region && !canSeeRegion(ctx.caller, region.code)) return refuseRead(ctx, 'Region', region.code, 'region is outside your jurisdiction');
  return region;
}

export async function visibleHousehold(ctx: Context, household: HouseholdEntity | null): Promise<HouseholdEntity | null> {
  if (household && !inJurisdiction(ctx.caller, household.villageCode)) return refuseRead(ctx, 'Household', household.id, 'household is outside your jurisdiction');
  return household;
}

export async function visibleMember(ctx: Context, member: MemberEntity | null): Promise<MemberEntity | null> {
  if (!member) return null;
  const household = await ctx.loaders.householdById.load(member.householdId);
  if (household && !inJurisdiction(ctx.caller, household.villageCode)) return refuseRead(ctx, 'Member', member.id, 'member is outside your jurisdiction');
  return member;
}

/** The villages whose households a caller may list under a region: the two ranges' overlap. */
export function householdRange(caller: Caller, regionCode: string): { $gte: string; $lt: string } {
  const mine = jurisdictionRange(caller);
  const prefix = regionPrefix(regionCode);
  const theirs = { lo: prefix.padEnd(12, '0'), hi: (prefix + '\uffff').padEnd(12, '0') };
  return { $gte: mine.lo > theirs.lo ? mine.lo : theirs.lo, $lt: mine.hi < theirs.hi ? mine.hi : theirs.hi };
}

/** Writes stay inside the writer's jurisdiction too (the kit's check, which keeps the region for a replayed answer). */
export { assertWritable } from '@fupin/kit';
