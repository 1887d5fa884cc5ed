import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType } from 'type-graphql';
import { RenovationKind, RenovationStatus } from './renovation.enums.js';

@InputType()
export class RecordRenovationInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => RenovationKind)
  kind!: RenovationKind;

  @Field(() => MoneyScalar, { description: 'Not negative, at most two decimals' })
  subsidy!: Fen;

  @Field(() => RenovationStatus, { defaultValue: RenovationStatus.PLANNED })
  status!: RenovationStatus;

  @Field(() => Date, { nullable: true, description: 'Required from IN_PROGRESS on, not for PLANNED; not in the future' })
  startedOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'Required for COMPLETED and ACCEPTED, not before startedOn; not in the future' })
  completedOn?: string | null;
}
