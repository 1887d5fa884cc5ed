import { READERS } from '@fupin/kit';
import { Authorized, Field, Int, ObjectType } from 'type-graphql';
import { HouseholdType, PovertyCause, PovertyStatus } from '../household/household.enums.js';
import { Member } from '../member/member.type.js';

@ObjectType('HouseholdAsOf', { description: 'A household as it stood at the end of a day: its status, attributes and the members then present' })
export class HouseholdAsOf {
  @Field(() => Date)
  date!: string;

  @Field(() => PovertyStatus, { description: 'The status history as of that day' })
  status!: PovertyStatus;

  @Field(() => HouseholdType)
  type!: HouseholdType;

  @Field(() => Int)
  identifiedYear!: number;

  @Authorized(...READERS)
  @Field(() => PovertyCause, { nullable: true })
  mainCause!: PovertyCause;

  @Authorized(...READERS)
  @Field(() => [PovertyCause], { nullable: true })
  otherCauses!: PovertyCause[];

  @Field()
  safeDrinkingWater!: boolean;

  @Authorized(...READERS)
  @Field(() => String, { nullable: true })
  helper!: string | null;

  @Field(() => [Member], { description: 'Members who had joined and not yet left, with their relation, health and labor capacity of that day' })
  members!: unknown[];
}
