import { BadUserInputError, decodeCursor, encodeCursor, pageSize, readRegionCode } from '@fupin/kit';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { HouseholdEntity } from '../household/household.entity.js';
import { PovertyStatus } from '../household/household.enums.js';
import { HouseholdConnection } from '../household/household.type.js';
import { canSeeRegion, householdRange, visibleRegion } from '../access.js';
import type { Context } from '../loaders.js';
import { RegionEntity } from './region.entity.js';
import { registerRegion } from './region.service.js';
import { Region } from './region.type.js';
import { RegisterRegionInput } from './register-region.input.js';

@ArgsType()
class HouseholdsArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; default 20' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => PovertyStatus, { nullable: true })
  status?: PovertyStatus | null;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true })
  async region(@Arg('code', () => ID) code: string, @Ctx() ctx: Context): Promise<RegionEntity | null> {
    if (typeof readRegionCode(code) === 'string') throw new BadUserInputError('code must be a 12-digit region code', { field: 'code' });
    return visibleRegion(ctx, await ctx.loaders.regionByCode.load(code));
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Region)
  registerRegion(@Arg('input', () => RegisterRegionInput) input: RegisterRegionInput, @Ctx() ctx: Context): Promise<RegionEntity> {
    return registerRegion(ctx.em, input, ctx.caller);
  }

  @FieldResolver(() => Region, { nullable: true })
  async parent(@Root() region: RegionEntity, @Ctx() ctx: Context): Promise<RegionEntity | null> {
    return region.parentCode ? visibleRegion(ctx, await ctx.loaders.regionByCode.load(region.parentCode)) : null;
  }

  @FieldResolver(() => [Region])
  async children(@Root() region: RegionEntity, @Ctx() ctx: Context): Promise<RegionEntity[]> {
    return (await ctx.loaders.childrenByParent.load(region.code)).filter((r) => canSeeRegion(ctx.caller, r.code));
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households of this region and every region below it, by household number' })
  async households(@Root() region: RegionEntity, @Args(() => HouseholdsArgs) args: HouseholdsArgs, @Ctx() ctx: Context): Promise<HouseholdConnection> {
    const first = pageSize(args.first);
    const where = {
      // Only what the caller may see is listed and counted.
      villageCode: householdRange(ctx.caller, region.code),
      ...(args.status ? { status: args.status } : {}),
    };
    const after = args.after ? decodeCursor(args.after) : null;
    const [rows, totalCount] = await Promise.all([
      first === 0
        ? Promise.resolve([])
        : ctx.em.find(HouseholdEntity, after ? { ...where, householdNumber: { $gt: after } } : where, {
            orderBy: { householdNumber: 'asc' },
            limit: first + 1,
          }),
      ctx.em.count(HouseholdEntity, where),
    ]);
    const nodes = rows.slice(0, first);
    for (const h of nodes) ctx.loaders.householdById.prime(h.id, h);
    const last = nodes.at(-1);
    return {
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.householdNumber) : null },
      nodes,
    };
  }
}
