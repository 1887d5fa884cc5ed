import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { ExitEvidence } from '../household-coverage/coverage.type.js';
import type { PovertyStatus } from '../household/household.enums.js';
import type { StatusChangeStep } from './status-change-step.enum.js';

/** A status change on its way through the procedure; kept whatever its end (approved or rejected). */
@Entity({ tableName: 'status_change_proposal' })
export class StatusChangeProposalEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string' })
  fromStatus!: PovertyStatus;

  @Property({ type: 'string' })
  toStatus!: PovertyStatus;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'string' })
  reason!: string;

  @Property({ type: 'string' })
  step!: StatusChangeStep;

  @Property({ type: 'string' })
  proposedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  proposedAt: Opt<Date> = new Date();

  /** For an exit: the last day of the notice period (公示), in China time. */
  @Property({ type: 'date', nullable: true })
  noticeEndsOn: string | null = null;

  @Property({ type: 'string', nullable: true })
  reviewedBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  reviewReason: string | null = null;

  @Property({ type: 'string', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  decisionReason: string | null = null;

  @Property({ type: 'string', nullable: true })
  withdrawnBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  withdrawalReason: string | null = null;

  /** When it reached its current step: a procedure that stays too long at one step has stalled. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  stepSince: Opt<Date> = new Date();

  /** For an approved exit: the coverage it was granted on at the decision, as it stood then. */
  @Property({ type: 'json', nullable: true })
  evidence: Opt<ExitEvidence> | null = null;
}

/** An objection raised while a proposal was published (公示). Append-only. */
@Entity({ tableName: 'status_change_objection' })
export class StatusChangeObjectionEntity {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  proposalId!: string;

  @Property({ type: 'string' })
  objection!: string;

  @Property({ type: 'string' })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();
}
