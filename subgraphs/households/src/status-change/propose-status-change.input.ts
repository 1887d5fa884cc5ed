import { Field, ID, InputType } from 'type-graphql';
import { PovertyStatus } from '../household/household.enums.js';

@InputType()
export class ProposeStatusChangeInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => PovertyStatus, { description: 'LIFTED (exit, from POOR or RELAPSED), RELAPSED, REMOVED (清退, the error named in the reason), or POOR for an at-risk household' })
  toStatus!: PovertyStatus;

  @Field(() => Date, { description: 'The day the change takes effect once approved' })
  effectiveDate!: string;

  @Field()
  reason!: string;
}
