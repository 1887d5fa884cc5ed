import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { RenovationKind, RenovationStatus } from './renovation.enums.js';

@ObjectType('Renovation', { description: 'A repair or rebuild of a dangerous house (危房改造)' })
export class Renovation {
  @Field(() => ID)
  id!: string;

  @Field(() => RenovationKind)
  kind!: RenovationKind;

  @Field(() => MoneyScalar, { description: 'Government subsidy in yuan' })
  subsidy!: Fen;

  @Field(() => RenovationStatus)
  status!: RenovationStatus;

  @Field(() => Date, { nullable: true, description: 'When work started; set from IN_PROGRESS on' })
  startedOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'When work was completed; set for COMPLETED and ACCEPTED' })
  completedOn!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was last recorded' })
  recordedAt!: Date;
}
