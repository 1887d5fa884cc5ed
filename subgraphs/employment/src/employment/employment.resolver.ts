import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import type { EmploymentEntity } from './employment.entity.js';
import { recordEmployment } from './employment.service.js';
import { Employment } from './employment.type.js';
import { RecordEmploymentInput } from './record-employment.input.js';

@Resolver(() => Employment)
export class EmploymentResolver {
  @Authorized(...department.writers)
  @Mutation(() => Employment, { description: "Records a person's employment for a year; recorded again for the year, it replaces" })
  recordEmployment(@Arg('input', () => RecordEmploymentInput) input: RecordEmploymentInput, @Ctx() ctx: Context): Promise<EmploymentEntity> {
    return recordEmployment(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
