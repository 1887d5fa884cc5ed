import { type Fen, MoneyScalar } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { InsuranceScheme } from './enrollment.enums.js';

@ObjectType('InsuranceEnrollment', { description: "A person's basic medical insurance for one year (参保)" })
export class InsuranceEnrollment {
  @Field(() => Int)
  year!: number;

  @Field(() => InsuranceScheme)
  scheme!: InsuranceScheme;

  @Field(() => MoneyScalar, { description: 'Annual premium in yuan' })
  premium!: Fen;

  @Field(() => MoneyScalar, { description: 'The part of the premium the government paid (资助参保)' })
  subsidy!: Fen;

  @Field({ description: 'Critical-illness insurance (大病保险)' })
  criticalIllnessCover!: boolean;

  @Field({ description: 'Supplementary critical-illness cover (大病补充医疗保险)' })
  supplementaryCover!: boolean;

  @Field(() => DateTimeResolver, { description: 'When it was last recorded' })
  recordedAt!: Date;
}
