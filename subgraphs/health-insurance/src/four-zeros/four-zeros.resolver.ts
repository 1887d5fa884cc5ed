import type { FourZerosKey } from '@fupin/kit';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, FourZeros } from '../department.js';
import type { Context } from '../loaders.js';

@Resolver(() => FourZeros)
export class FourZerosResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Int, { nullable: true, description: 'Households with HIGH_MEDICAL_BURDEN in the year (零负担: out of pocket above the limit of the claims dated in the year), in the region and below' })
  highMedicalBurdenHouseholds(@Root() zeros: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return ctx.fourZeros!.load(zeros);
  }
}
