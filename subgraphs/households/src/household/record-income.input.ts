import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class RecordIncomeInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => MoneyScalar, { description: 'Per-capita net income (人均纯收入) in yuan' })
  incomePerCapita!: Fen;
}
