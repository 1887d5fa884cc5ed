import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { InsuranceScheme } from './enrollment.enums.js';

@InputType()
export class EnrollInsuranceInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => InsuranceScheme)
  scheme!: InsuranceScheme;

  @Field(() => MoneyScalar)
  premium!: Fen;

  @Field(() => MoneyScalar, { description: 'Government-paid part of the premium; at most the premium' })
  subsidy!: Fen;

  @Field({ defaultValue: false })
  criticalIllnessCover!: boolean;

  @Field({ defaultValue: false })
  supplementaryCover!: boolean;
}
