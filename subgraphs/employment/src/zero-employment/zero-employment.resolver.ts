import { type Page, RegionYearPageArgs } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { zeroEmploymentHouseholds } from './zero-employment.service.js';
import { type ZeroEmploymentHousehold, ZeroEmploymentHouseholdConnection } from './zero-employment.type.js';

@Resolver(() => ZeroEmploymentHouseholdConnection)
export class ZeroEmploymentResolver {
  @Authorized(...department.readers)
  @Query(() => ZeroEmploymentHouseholdConnection, {
    description:
      'Zero-employment households (零就业家庭) of a region and year: a member of working age (16 to 60 on 31 December) with labor capacity SKILLED or ORDINARY, and no member employed (a record for the year whose status is not UNEMPLOYED, with at least 1 month worked); by village and household',
  })
  zeroEmploymentHouseholds(@Args(() => RegionYearPageArgs) args: RegionYearPageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Page<ZeroEmploymentHousehold>> {
    return zeroEmploymentHouseholds(ctx, info, args);
  }
}
