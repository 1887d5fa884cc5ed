import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Gender, HealthStatus, LaborCapacity, Relation } from './member.enums.js';

@ObjectType('Member', { description: 'A member of a registered household (家庭成员)' })
@Directive('@key(fields: "id")')
export class Member {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Gender, { description: 'Derived from the ID number' })
  gender!: Gender;

  @Field(() => Date, { description: 'Derived from the ID number' })
  birthDate!: string;

  @Field(() => Relation)
  relationToHead!: Relation;

  @Field(() => HealthStatus)
  healthStatus!: HealthStatus;

  @Field(() => Int, { nullable: true, description: '1-4, only for a DISABLED member' })
  disabilityGrade!: number | null;

  @Field(() => LaborCapacity)
  laborCapacity!: LaborCapacity;
}
