import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { RecordTrainingInput } from './record-training.input.js';
import type { TrainingEntity } from './training.entity.js';
import { recordTraining } from './training.service.js';
import { Training } from './training.type.js';

@Resolver(() => Training)
export class TrainingResolver {
  @Authorized(...department.writers)
  @Mutation(() => Training, { description: 'Records a skills-training course a person finished; trainings accumulate' })
  recordTraining(@Arg('input', () => RecordTrainingInput) input: RecordTrainingInput, @Ctx() ctx: Context): Promise<TrainingEntity> {
    return recordTraining(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
