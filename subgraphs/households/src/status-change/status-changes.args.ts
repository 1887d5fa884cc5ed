import { PageArgs } from '@fupin/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { StatusChangeStep } from './status-change-step.enum.js';

@ArgsType()
export class StatusChangesArgs extends PageArgs {
  @Field(() => ID, { description: 'A region (or 000000000000, the country): its villages and every one below it' })
  regionCode!: string;

  @Field(() => StatusChangeStep, { nullable: true, description: 'Only those at this step' })
  step?: StatusChangeStep | null;

  @Field({ defaultValue: false, description: 'Only open procedures at the same step for FUPIN_PROCEDURE_STALL_DAYS days or more' })
  stalledOnly!: boolean;
}
