import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType } from 'type-graphql';
import { ClaimKind } from './claim.enums.js';

@InputType()
export class RecordClaimInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Date, { description: 'Date of the treatment (discharge for inpatients); not in the future' })
  date!: string;

  @Field()
  hospital!: string;

  @Field(() => ClaimKind)
  kind!: ClaimKind;

  @Field(() => MoneyScalar)
  totalCost!: Fen;

  @Field(() => MoneyScalar, { defaultValue: 0 })
  basicPaid!: Fen;

  @Field(() => MoneyScalar, { defaultValue: 0 })
  criticalIllnessPaid!: Fen;

  @Field(() => MoneyScalar, { defaultValue: 0 })
  supplementaryPaid!: Fen;

  @Field(() => MoneyScalar, { defaultValue: 0 })
  assistancePaid!: Fen;

  @Field({ defaultValue: false })
  oneStop!: boolean;
}
