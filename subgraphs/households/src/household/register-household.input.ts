import { Field, InputType, Int } from 'type-graphql';
import { MemberInput } from '../member/member.input.js';
import { HouseholdType, PovertyCause, PovertyStatus } from './household.enums.js';

@InputType()
export class RegisterHouseholdInput {
  @Field()
  villageCode!: string;

  @Field()
  householdNumber!: string;

  @Field(() => HouseholdType)
  type!: HouseholdType;

  @Field(() => Int)
  identifiedYear!: number;

  @Field(() => PovertyCause)
  mainCause!: PovertyCause;

  @Field(() => [PovertyCause], { defaultValue: [] })
  otherCauses!: PovertyCause[];

  @Field()
  safeDrinkingWater!: boolean;

  @Field(() => String, { nullable: true })
  helper?: string | null;

  @Field(() => PovertyStatus, { nullable: true, description: 'POOR (the default), or MONITORED for an at-risk household (边缘户) that was never poor' })
  initialStatus?: PovertyStatus | null;

  @Field(() => [MemberInput])
  members!: MemberInput[];
}
