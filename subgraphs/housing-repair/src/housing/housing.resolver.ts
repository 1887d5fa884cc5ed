import type { EntityKey } from '@fupin/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppraisalEntity } from '../appraisal/appraisal.entity.js';
import { department, Household } from '../department.js';
import type { Context } from '../loaders.js';
import type { RelocationEntity } from '../relocation/relocation.entity.js';
import type { RenovationEntity } from '../renovation/renovation.entity.js';
import type { UnsafeHousingReason } from './housing.rule.js';
import { Housing, type HousingOf } from './housing.type.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Housing, { nullable: true, description: 'Housing safety today: appraisals, renovations, relocation and whether it is safe' })
  housing(@Root() household: EntityKey): HousingOf {
    return { householdId: household.id };
  }
}

@Resolver(() => Housing)
export class HousingResolver {
  @FieldResolver()
  async safe(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.loaders.housingStatusByHousehold.load(h.householdId))?.unsafe_reason === null;
  }

  @FieldResolver()
  async unsafeReason(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<UnsafeHousingReason | null> {
    return (await ctx.loaders.housingStatusByHousehold.load(h.householdId))?.unsafe_reason ?? null;
  }

  @FieldResolver()
  async latestAppraisal(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<AppraisalEntity | null> {
    return (await ctx.loaders.appraisalsByHousehold.load(h.householdId)).at(-1) ?? null;
  }

  @FieldResolver()
  appraisals(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<AppraisalEntity[]> {
    return ctx.loaders.appraisalsByHousehold.load(h.householdId);
  }

  @FieldResolver()
  renovations(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<RenovationEntity[]> {
    return ctx.loaders.renovationsByHousehold.load(h.householdId);
  }

  @FieldResolver()
  async relocation(@Root() h: HousingOf, @Ctx() ctx: Context): Promise<RelocationEntity | null> {
    return (await ctx.loaders.relocationsByHousehold.load(h.householdId)).at(-1) ?? null;
  }
}
