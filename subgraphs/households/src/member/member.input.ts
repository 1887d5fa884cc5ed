import { Field, InputType, Int } from 'type-graphql';
import { HealthStatus, LaborCapacity, Relation } from './member.enums.js';

@InputType()
export class MemberInput {
  @Field()
  name!: string;

  @Field({ description: 'Resident ID number (18 characters); gender and birth date are read from it' })
  idNumber!: string;

  @Field(() => Relation)
  relationToHead!: Relation;

  @Field(() => HealthStatus)
  healthStatus!: HealthStatus;

  @Field(() => Int, { nullable: true })
  disabilityGrade?: number | null;

  @Field(() => LaborCapacity)
  laborCapacity!: LaborCapacity;
}
