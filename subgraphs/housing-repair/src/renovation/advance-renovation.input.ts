import { Field, ID, InputType } from 'type-graphql';
import { RenovationStatus } from './renovation.enums.js';

@InputType()
export class AdvanceRenovationInput {
  @Field(() => ID)
  renovationId!: string;

  @Field(() => RenovationStatus, { description: 'A status after the current one' })
  status!: RenovationStatus;

  @Field(() => Date, { nullable: true, description: 'When work started, if not recorded yet' })
  startedOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When work was completed, if not recorded yet' })
  completedOn?: string | null;
}
