import { Field, ID, InputType, Int } from 'type-graphql';
import { SchoolStage, SchoolStatus } from './schooling.enums.js';

@InputType()
export class RecordSchoolingInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'The school year starting in September of this year; recorded again for the year, it replaces' })
  year!: number;

  @Field(() => SchoolStage, { description: 'Must be possible at the age the member has on 31 August of the year' })
  stage!: SchoolStage;

  @Field({ description: '1 to 100 characters' })
  school!: string;

  @Field(() => SchoolStatus)
  status!: SchoolStatus;
}
