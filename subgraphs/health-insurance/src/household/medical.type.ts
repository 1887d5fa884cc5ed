import { type Fen, MoneyScalar } from '@fupin/kit';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('HouseholdMedical', { description: "A household's medical costs and insurance for one year, every payer added up" })
export class HouseholdMedical {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Claims dated in the year' })
  claims!: number;

  @Field(() => MoneyScalar)
  totalCost!: Fen;

  @Field(() => MoneyScalar)
  basicPaid!: Fen;

  @Field(() => MoneyScalar)
  criticalIllnessPaid!: Fen;

  @Field(() => MoneyScalar)
  supplementaryPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Medical assistance (医疗救助) paid on claims of the year' })
  assistancePaid!: Fen;

  @Field(() => MoneyScalar)
  outOfPocket!: Fen;

  @Field(() => Float, { description: 'outOfPocket / totalCost, 0 to 1; 0 when there is no cost' })
  outOfPocketShare!: number;

  @Field(() => Int, { description: 'Members with no basic medical insurance for the year' })
  uninsuredMembers!: number;

  @Field(() => Int, { description: 'Members known to this department (the roster)' })
  members!: number;
}
