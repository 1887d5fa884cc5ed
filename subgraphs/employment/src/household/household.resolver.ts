import { type EntityKey, requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, Household } from '../department.js';
import type { IndustrySupportEntity } from '../industry-support/industry-support.entity.js';
import { IndustrySupport } from '../industry-support/industry-support.type.js';
import type { Context } from '../loaders.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => [IndustrySupport], { nullable: true, description: 'Industry-support measures (产业帮扶) for the year (every year when omitted), in the order recorded' })
  industrySupport(@Root() household: EntityKey, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<IndustrySupportEntity[]> {
    if (year !== null && year !== undefined) requireRegistryYear(year);
    return ctx.loaders.industrySupportByHouseholdYear.load({ householdId: household.id, year: year ?? null });
  }
}
