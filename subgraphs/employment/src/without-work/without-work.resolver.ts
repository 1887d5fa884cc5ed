import { type Page, RegionYearPageArgs } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { membersWithoutWork } from './without-work.service.js';
import { type MemberWithoutWork, MemberWithoutWorkConnection } from './without-work.type.js';

@Resolver(() => MemberWithoutWorkConnection)
export class WithoutWorkResolver {
  @Authorized(...department.readers)
  @Query(() => MemberWithoutWorkConnection, {
    description:
      'Working-age members without work (就业帮扶台账) of a region and year: 16 to 60 on 31 December, labor capacity SKILLED, ORDINARY or WEAK, and no employment record for the year, an UNEMPLOYED one or one of 0 months worked; by village, household and member',
  })
  membersWithoutWork(@Args(() => RegionYearPageArgs) args: RegionYearPageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Page<MemberWithoutWork>> {
    return membersWithoutWork(ctx, info, args);
  }
}
