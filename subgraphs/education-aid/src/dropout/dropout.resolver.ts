import type { Page } from '@fupin/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { dropouts } from './dropout.service.js';
import { type Dropout, DropoutConnection, DropoutsArgs } from './dropout.type.js';

@Resolver(() => DropoutConnection)
export class DropoutResolver {
  @Authorized(...department.readers)
  @Query(() => DropoutConnection, {
    description: 'The dropout roster (控辍保学) of a region and school year: compulsory-age members (6 to 15 on 31 August) with no schooling record for the year or DROPPED_OUT, by village and household',
  })
  dropouts(@Args(() => DropoutsArgs) args: DropoutsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Page<Dropout>> {
    return dropouts(ctx, info, args);
  }
}
