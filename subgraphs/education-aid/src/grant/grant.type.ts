import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { GrantProgram } from './grant.enums.js';

@ObjectType('EducationGrant', { description: 'A payment of education aid to a person' })
export class EducationGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => GrantProgram)
  program!: GrantProgram;

  @Field(() => MoneyScalar, { description: 'In yuan, exact to the fen; more than zero' })
  amount!: Fen;

  @Field(() => Date)
  paidOn!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
