import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ExitEvidence } from '../household-coverage/coverage.type.js';
import type { PovertyStatus } from './household.enums.js';

/** One entry of a household's status history. Append-only: a trigger refuses UPDATE and DELETE. */
@Entity({ tableName: 'household_status_change' })
export class StatusChangeEntity {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string', nullable: true })
  previousStatus: PovertyStatus | null = null;

  @Property({ type: 'string' })
  status!: PovertyStatus;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'string' })
  reason!: string;

  @Property({ type: 'string' })
  changedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();

  /** For an exit: the coverage it was granted on. */
  @Property({ type: 'json', nullable: true })
  evidence: Opt<ExitEvidence> | null = null;
}
