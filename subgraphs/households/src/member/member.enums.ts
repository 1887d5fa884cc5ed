import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum Relation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  GRANDCHILD = 'GRANDCHILD',
  PARENT = 'PARENT',
  PARENT_IN_LAW = 'PARENT_IN_LAW',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

export enum HealthStatus {
  HEALTHY = 'HEALTHY',
  CHRONIC_ILLNESS = 'CHRONIC_ILLNESS',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  DISABLED = 'DISABLED',
}

export enum LaborCapacity {
  SKILLED = 'SKILLED',
  ORDINARY = 'ORDINARY',
  WEAK = 'WEAK',
  LOST = 'LOST',
  NONE = 'NONE',
}

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(Relation, { name: 'Relation', description: 'Relation to the head of household' });
registerEnumType(HealthStatus, { name: 'HealthStatus' });
registerEnumType(LaborCapacity, { name: 'LaborCapacity' });
