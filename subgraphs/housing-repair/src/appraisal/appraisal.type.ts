import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AppraisalGrade } from './appraisal.enums.js';

@ObjectType('HousingAppraisal', { description: 'A safety appraisal of a house (房屋安全鉴定)' })
export class HousingAppraisal {
  @Field(() => ID)
  id!: string;

  @Field(() => AppraisalGrade)
  grade!: AppraisalGrade;

  @Field(() => Date)
  appraisedOn!: string;

  @Field({ description: 'Who appraised it (the appraiser or the appraising body)' })
  appraiser!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
