import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndustrySupportKind } from './industry-support.enums.js';

@ObjectType('IndustrySupport', { description: 'An industry-support measure (产业帮扶) for a household in a year' })
export class IndustrySupport {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => IndustrySupportKind)
  kind!: IndustrySupportKind;

  @Field(() => MoneyScalar, { description: 'Its value in yuan, exact to the fen (a dividend paid, a loan, livestock at cost); 0 for support in kind with no value' })
  amount!: Fen;

  @Field(() => String, { nullable: true, description: 'Which cooperative, station or project' })
  description!: string | null;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
