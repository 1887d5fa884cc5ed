import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ClaimKind } from './claim.enums.js';

@ObjectType('MedicalClaim', { description: 'A medical bill and what each payer covered; the rest is out of pocket' })
export class MedicalClaim {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  date!: string;

  @Field()
  hospital!: string;

  @Field(() => ClaimKind)
  kind!: ClaimKind;

  @Field(() => MoneyScalar)
  totalCost!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid by basic medical insurance' })
  basicPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid by critical-illness insurance (大病保险)' })
  criticalIllnessPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid by supplementary cover (大病补充医疗保险)' })
  supplementaryPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid by medical assistance (医疗救助)' })
  assistancePaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Total cost less every part paid; never negative' })
  outOfPocket!: Fen;

  @Field({ description: 'Settled one-stop (一站式结算)' })
  oneStop!: boolean;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
