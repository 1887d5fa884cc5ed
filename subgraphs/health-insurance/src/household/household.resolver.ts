import { requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HEALTH_READERS } from '../access.js';
import type { Context } from '../loaders.js';
import { Household } from './household.type.js';
import { HouseholdMedical } from './medical.type.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...HEALTH_READERS)
  @FieldResolver(() => HouseholdMedical, { nullable: true, description: "The year's medical costs, every payer added up, and uninsured members; null for a household this department has not received" })
  medical(@Root() household: Household, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<HouseholdMedical | null> {
    requireRegistryYear(year);
    return ctx.loaders.medicalByHouseholdYear.load({ householdId: household.id, year });
  }
}
