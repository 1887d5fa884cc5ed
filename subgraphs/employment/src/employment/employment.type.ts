import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { EmploymentStatus } from './employment.enums.js';

@ObjectType('Employment', { description: "A person's employment in one year" })
export class Employment {
  @Field(() => Int)
  year!: number;

  @Field(() => EmploymentStatus)
  status!: EmploymentStatus;

  @Field(() => Int, { description: '0 to 12; 0 when UNEMPLOYED' })
  monthsWorked!: number;

  @Field(() => MoneyScalar, { description: 'Average monthly income from the work, in yuan, exact to the fen' })
  monthlyIncome!: Fen;

  @Field(() => String, { nullable: true, description: 'Employer, workshop or post; null when not known or self-employed' })
  employer!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was last recorded' })
  recordedAt!: Date;
}
