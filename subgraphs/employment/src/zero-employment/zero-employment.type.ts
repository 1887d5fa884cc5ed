import { Connection, type EntityKey } from '@fupin/kit';
import { Field, ObjectType } from 'type-graphql';
import { HouseholdEntry, Member } from '../department.js';

@ObjectType('ZeroEmploymentHousehold', { description: 'A household with someone able to work and nobody employed in the year (零就业家庭)' })
export class ZeroEmploymentHousehold extends HouseholdEntry {
  @Field(() => [Member], { description: 'Its members of working age (16 to 60 on 31 December) with labor capacity SKILLED or ORDINARY: whom to find work for' })
  ableMembers!: EntityKey[];
}

@ObjectType('ZeroEmploymentHouseholdConnection')
export class ZeroEmploymentHouseholdConnection extends Connection(ZeroEmploymentHousehold) {}
