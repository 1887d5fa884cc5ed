import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { RecordSchoolingInput } from './record-schooling.input.js';
import type { SchoolingEntity } from './schooling.entity.js';
import { recordSchooling } from './schooling.service.js';
import { Schooling } from './schooling.type.js';

@Resolver(() => Schooling)
export class SchoolingResolver {
  @Authorized(...department.writers)
  @Mutation(() => Schooling, { description: "Records a person's schooling for a school year; recorded again for the year, it replaces" })
  recordSchooling(@Arg('input', () => RecordSchoolingInput) input: RecordSchoolingInput, @Ctx() ctx: Context): Promise<SchoolingEntity> {
    return recordSchooling(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
