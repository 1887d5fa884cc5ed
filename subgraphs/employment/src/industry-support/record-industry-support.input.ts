import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IndustrySupportKind } from './industry-support.enums.js';

@InputType()
export class RecordIndustrySupportInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Int, { description: 'The year the measure is for; measures accumulate' })
  year!: number;

  @Field(() => IndustrySupportKind)
  kind!: IndustrySupportKind;

  @Field(() => MoneyScalar, { description: 'Not negative, at most two decimals' })
  amount!: Fen;

  @Field(() => String, { nullable: true, description: 'Which cooperative, station or project: 1 to 200 characters when given' })
  description?: string | null;
}
