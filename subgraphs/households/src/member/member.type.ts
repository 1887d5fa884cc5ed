import { READERS } from '@fupin/kit';
import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
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

  @Authorized(...READERS, 'DEPARTMENT_OFFICER:HEALTH_INSURANCE')
  @Field(() => HealthStatus, { nullable: true, description: 'Health data: readers of the registry and the health department only' })
  healthStatus!: HealthStatus;

  @Authorized(...READERS, 'DEPARTMENT_OFFICER:HEALTH_INSURANCE')
  @Field(() => Int, { nullable: true, description: '1-4, only for a DISABLED member' })
  disabilityGrade!: number | null;

  @Authorized(...READERS, 'DEPARTMENT_OFFICER:EMPLOYMENT')
  @Field(() => LaborCapacity, { nullable: true })
  laborCapacity!: LaborCapacity;

  @Field(() => Date, { nullable: true, description: 'The day the member joined; null: a member since the household was identified' })
  joinedOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'The day the member left (they do not count from the end of it); null: still in the household' })
  leftOn!: string | null;
}
