import type { Page } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { unsafeHousing } from './priority.service.js';
import { UnsafeHousingArgs, UnsafeHousingConnection, type UnsafeHousingEntry } from './priority.type.js';

@Resolver(() => UnsafeHousingConnection)
export class PriorityResolver {
  @Authorized(...department.readers)
  @Query(() => UnsafeHousingConnection, {
    description: 'The housing work list (危房改造) of a region: priority households (registered poor, DIBAO, TEKUN, or with a disabled member) whose housing is not safe today, and why, by village and household',
  })
  unsafeHousing(@Args(() => UnsafeHousingArgs) args: UnsafeHousingArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Page<UnsafeHousingEntry>> {
    return unsafeHousing(ctx, info, args);
  }
}
