import type { FourZerosKey } from '@fupin/kit';
import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { department, FourZeros } from '../department.js';
import type { Context } from '../loaders.js';

@Resolver(() => FourZeros)
export class FourZerosResolver {
  @Authorized(...department.readers)
  @FieldResolver(() => Int, { nullable: true, description: 'Members with DROPOUT in the year (零辍学: compulsory-age, no schooling record for the school year or DROPPED_OUT), in the region and below' })
  dropoutMembers(@Root() zeros: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return ctx.fourZeros!.load(zeros);
  }
}
