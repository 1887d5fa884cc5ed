import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { Gender, HealthStatus, LaborCapacity, Relation } from './member.enums.js';

@Entity({ tableName: 'member' })
export class MemberEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  /** Order within the household as registered; lists show members in this order. */
  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'string' })
  name!: string;

  /** Personal data: never a GraphQL field; responses carry the masked form only. */
  @Property({ type: 'string', unique: true })
  idNumber!: string;

  /** Derived from the ID number. */
  @Property({ type: 'string' })
  gender!: Gender;

  /** Derived from the ID number. */
  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'string' })
  relationToHead!: Relation;

  @Property({ type: 'string' })
  healthStatus!: HealthStatus;

  @Property({ type: 'smallint', nullable: true })
  disabilityGrade: number | null = null;

  @Property({ type: 'string' })
  laborCapacity!: LaborCapacity;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
