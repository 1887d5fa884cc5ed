import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType } from 'type-graphql';
import { GrantProgram } from './grant.enums.js';

@InputType()
export class RecordGrantInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => GrantProgram)
  program!: GrantProgram;

  @Field(() => MoneyScalar, { description: 'More than zero, at most two decimals' })
  amount!: Fen;

  @Field(() => Date, { description: 'The day it was paid; not in the future, not before 2014' })
  paidOn!: string;
}
