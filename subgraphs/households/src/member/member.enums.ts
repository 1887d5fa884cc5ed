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

/** Why a member joined a household after it was identified. */
export enum JoinReason {
  BIRTH = 'BIRTH',
  MARRIAGE = 'MARRIAGE',
  OTHER = 'OTHER',
}

/** Why a member left a household. */
export enum LeaveReason {
  DEATH = 'DEATH',
  MARRIAGE_OUT = 'MARRIAGE_OUT',
  MOVED_AWAY = 'MOVED_AWAY',
  OTHER = 'OTHER',
}

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(Relation, { name: 'Relation', description: 'Relation to the head of household' });
registerEnumType(HealthStatus, { name: 'HealthStatus' });
registerEnumType(LaborCapacity, { name: 'LaborCapacity' });
registerEnumType(JoinReason, { name: 'JoinReason', description: 'Why a member joined after the household was identified' });
registerEnumType(LeaveReason, { name: 'LeaveReason', description: 'Why a member left the household' });
