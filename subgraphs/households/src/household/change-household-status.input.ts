import { Field, ID, InputType } from 'type-graphql';
import { PovertyStatus } from './household.enums.js';

@InputType()
export class ChangeHouseholdStatusInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => PovertyStatus)
  status!: PovertyStatus;

  @Field(() => Date)
  effectiveDate!: string;

  @Field()
  reason!: string;
}
