import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { Gender, HealthStatus, JoinReason, LaborCapacity, LeaveReason, Relation } from './member.enums.js';

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

  /** Personal data: AES-GCM ciphertext; only revealIdNumber decrypts it, and audits that. */
  @Property({ type: 'text' })
  idNumberEncrypted!: string;

  /** Keyed hash of the ID number: lookups and one-person-one-household without plain text. */
  @Property({ type: 'text' })
  idNumberIndex!: string;

  /** First 6 and last 4 characters; what responses show. */
  @Property({ type: 'text' })
  idNumberMasked!: string;

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

  /** Null: a member since the household was identified. */
  @Property({ type: 'date', nullable: true })
  joinedOn: string | null = null;

  @Property({ type: 'string', nullable: true })
  joinedReason: JoinReason | null = null;

  /** Null: still in the household. A member who left stays a row (departments' records keep their member). */
  @Property({ type: 'date', nullable: true })
  leftOn: string | null = null;

  @Property({ type: 'string', nullable: true })
  leftReason: LeaveReason | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
