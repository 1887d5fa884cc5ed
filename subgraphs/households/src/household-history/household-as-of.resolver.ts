import { BadUserInputError } from '@fupin/kit';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HouseholdEntity } from '../household/household.entity.js';
import { Household } from '../household/household.type.js';
import type { Context } from '../loaders.js';
import type { HouseholdAsOfRow } from './household-as-of.loader.js';
import { HouseholdAsOf } from './household-as-of.type.js';

@Resolver(() => Household)
export class HouseholdAsOfResolver {
  @FieldResolver(() => HouseholdAsOf, { nullable: true, description: 'The household as it stood at the end of that day; null before it was identified' })
  asOf(@Root() household: HouseholdEntity, @Arg('date', () => Date) date: string, @Ctx() ctx: Context): Promise<HouseholdAsOfRow | null> {
    if (date < '2014-01-01') throw new BadUserInputError('date must be in 2014 or later', { field: 'date' });
    return ctx.loaders.householdAsOf.load({ householdId: household.id, date });
  }
}
