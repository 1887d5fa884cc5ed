import { Field, ID, InputType } from 'type-graphql';
import { AppraisalGrade } from './appraisal.enums.js';

@InputType()
export class RecordAppraisalInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => AppraisalGrade)
  grade!: AppraisalGrade;

  @Field(() => Date, { description: 'Not in the future, not before 2014' })
  appraisedOn!: string;

  @Field({ description: '1 to 100 characters' })
  appraiser!: string;
}
