import { type EntityKey, requireRegistryYear } from '@fupin/kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, Household } from '../department.js';
import type { Context } from '../loaders.js';
import { HouseholdMedical } from './medical.type.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => HouseholdMedical, { nullable: true, description: "The year's medical costs, every payer added up, and uninsured members; null for a household this department has not received" })
  medical(@Root() household: EntityKey, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<HouseholdMedical | null> {
    requireRegistryYear(year);
    return ctx.loaders.medicalByHouseholdYear.load({ householdId: household.id, year });
  }
}
