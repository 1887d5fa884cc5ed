import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { GrantEntity } from './grant.entity.js';
import { recordGrant } from './grant.service.js';
import { EducationGrant } from './grant.type.js';
import { RecordGrantInput } from './record-grant.input.js';

@Resolver(() => EducationGrant)
export class GrantResolver {
  @Authorized(...department.writers)
  @Mutation(() => EducationGrant, { description: 'Records a payment of education aid; grants accumulate' })
  recordGrant(@Arg('input', () => RecordGrantInput) input: RecordGrantInput, @Ctx() ctx: Context): Promise<GrantEntity> {
    return recordGrant(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
