import type { FourZerosKey } from '@fupin/kit';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, FourZeros } from '../department.js';
import type { Context } from '../loaders.js';

@Resolver(() => FourZeros)
export class FourZerosResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Int, { nullable: true, description: 'Households with ZERO_EMPLOYMENT in the year (零就业家庭), in the region and below, whatever their status' })
  zeroEmploymentHouseholds(@Root() zeros: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return ctx.fourZeros!.load(zeros);
  }
}
