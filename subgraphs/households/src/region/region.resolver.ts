import { BadUserInputError, PageArgs, readRegionCode, selects } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PovertyStatus } from '../household/household.enums.js';
import { HouseholdConnection } from '../household/household.type.js';
import { canSeeRegion, visibleRegion } from '../access.js';
import type { Context } from '../loaders.js';
import { RegionEntity } from './region.entity.js';
import { householdsOf, registerRegion } from './region.service.js';
import { Region } from './region.type.js';
import { RegisterRegionInput } from './register-region.input.js';

@ArgsType()
class HouseholdsArgs extends PageArgs {
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
  async households(@Root() region: RegionEntity, @Args(() => HouseholdsArgs) args: HouseholdsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<HouseholdConnection> {
    const withMembers = selects(info, 'nodes', 'members');
    const { members, ...page } = await householdsOf(ctx.em, ctx.caller, region.code, args, { totalCount: selects(info, 'totalCount'), members: withMembers });
    for (const h of page.nodes) ctx.loaders.householdById.prime(h.id, h);
    if (withMembers) {
      // Read with the page (ordered by household, then position): the members field finds them loaded.
      const byHousehold = new Map(page.nodes.map((h) => [h.id, [] as typeof members]));
      for (const m of members) byHousehold.get(m.householdId)?.push(m);
      for (const [id, list] of byHousehold) ctx.loaders.membersByHousehold.prime(id, list);
    }
    return page;
  }
}
