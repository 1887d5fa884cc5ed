import { rosterOf } from '@fupin/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { department } from '../department.js';
import type { Context } from '../loaders.js';
import { AdvanceRenovationInput } from './advance-renovation.input.js';
import { RecordRenovationInput } from './record-renovation.input.js';
import type { RenovationEntity } from './renovation.entity.js';
import { advanceRenovation, recordRenovation } from './renovation.service.js';
import { Renovation } from './renovation.type.js';

@Resolver(() => Renovation)
export class RenovationResolver {
  @Authorized(...department.writers)
  @Mutation(() => Renovation, { description: 'Records a repair or rebuild of a household\'s house, at any status with the dates that status needs' })
  recordRenovation(@Arg('input', () => RecordRenovationInput) input: RecordRenovationInput, @Ctx() ctx: Context): Promise<RenovationEntity> {
    return recordRenovation(ctx.em, rosterOf(ctx), input, ctx.caller);
  }

  @Authorized(...department.writers)
  @Mutation(() => Renovation, { description: 'Moves a renovation forward (PLANNED → IN_PROGRESS → COMPLETED → ACCEPTED), recording its start or completion date' })
  advanceRenovation(@Arg('input', () => AdvanceRenovationInput) input: AdvanceRenovationInput, @Ctx() ctx: Context): Promise<RenovationEntity> {
    return advanceRenovation(ctx.em, rosterOf(ctx), input, ctx.caller);
  }
}
