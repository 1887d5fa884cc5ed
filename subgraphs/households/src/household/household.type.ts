import { ExitEvidence } from '../household-coverage/coverage.type.js';
import { Connection, READERS } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { HouseholdType, PovertyCause, PovertyStatus } from './household.enums.js';

@ObjectType('Household', { description: 'A registered poor household (建档立卡贫困户)' })
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID)
  id!: string;

  @Field({ description: '户编号' })
  householdNumber!: string;

  @Field(() => HouseholdType)
  type!: HouseholdType;

  @Field(() => PovertyStatus)
  status!: PovertyStatus;

  @Field(() => Int, { description: '识别年度' })
  identifiedYear!: number;

  @Authorized(...READERS)
  @Field(() => PovertyCause, { nullable: true, description: 'Null with FORBIDDEN for department officers' })
  mainCause!: PovertyCause;

  @Authorized(...READERS)
  @Field(() => [PovertyCause], { nullable: true })
  otherCauses!: PovertyCause[];

  @Field({ description: '饮水安全' })
  safeDrinkingWater!: boolean;

  @Authorized(...READERS)
  @Field(() => String, { nullable: true, description: '帮扶责任人' })
  helper!: string | null;
}

@ObjectType('StatusChange', { description: 'One entry of the append-only status history' })
export class StatusChange {
  @Field(() => PovertyStatus)
  status!: PovertyStatus;

  @Field(() => PovertyStatus, { nullable: true })
  previousStatus!: PovertyStatus | null;

  @Field(() => Date)
  effectiveDate!: string;

  @Field()
  reason!: string;

  @Field()
  changedBy!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;

  @Field(() => ExitEvidence, { nullable: true, description: 'For an exit (LIFTED): the coverage it was granted on' })
  evidence!: ExitEvidence | null;
}

@ObjectType('HouseholdConnection')
export class HouseholdConnection extends Connection(Household) {}

