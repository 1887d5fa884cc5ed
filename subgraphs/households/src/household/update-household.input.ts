import { Field, ID, InputType } from 'type-graphql';
import { HouseholdType, PovertyCause } from './household.enums.js';

@InputType({ description: "A dated change of a household's type, causes, safe water or helper; fields left out stay" })
export class UpdateHouseholdInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Date)
  effectiveDate!: string;

  @Field()
  reason!: string;

  @Field(() => HouseholdType, { nullable: true })
  type?: HouseholdType | null;

  @Field(() => PovertyCause, { nullable: true })
  mainCause?: PovertyCause | null;

  @Field(() => [PovertyCause], { nullable: true })
  otherCauses?: PovertyCause[] | null;

  @Field(() => Boolean, { nullable: true })
  safeDrinkingWater?: boolean | null;

  @Field(() => String, { nullable: true, description: '帮扶责任人; an empty string clears it' })
  helper?: string | null;
}
