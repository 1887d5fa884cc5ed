import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EmploymentStatus } from './employment.enums.js';

@InputType()
export class RecordEmploymentInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'Recorded again for the year, it replaces; the member is at least 16 on 31 December of it' })
  year!: number;

  @Field(() => EmploymentStatus)
  status!: EmploymentStatus;

  @Field(() => Int, { description: '0 to 12; 0 when UNEMPLOYED' })
  monthsWorked!: number;

  @Field(() => MoneyScalar, { description: 'Average monthly income from the work: not negative, at most two decimals' })
  monthlyIncome!: Fen;

  @Field(() => String, { nullable: true, description: '1 to 100 characters when given' })
  employer?: string | null;
}
