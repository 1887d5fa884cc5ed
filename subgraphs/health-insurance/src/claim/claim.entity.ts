import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { randomUUID } from 'node:crypto';
import type { ClaimKind } from './claim.enums.js';

/** One medical bill and who paid which part of it; claims accumulate. */
@Entity({ tableName: 'medical_claim' })
export class ClaimEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'string', columnType: 'date' })
  date!: string;

  @Property({ type: 'string' })
  hospital!: string;

  @Property({ type: 'string' })
  kind!: ClaimKind;

  @Property({ type: FenType })
  totalCost!: Fen;

  @Property({ type: FenType })
  basicPaid!: Fen;

  @Property({ type: FenType })
  criticalIllnessPaid!: Fen;

  @Property({ type: FenType })
  supplementaryPaid!: Fen;

  /** 医疗救助 */
  @Property({ type: FenType })
  assistancePaid!: Fen;

  /** A generated column: the database derives it from the parts, so it cannot disagree. */
  @Property({ type: FenType, generated: '(total_cost - basic_paid - critical_illness_paid - supplementary_paid - assistance_paid) stored' })
  outOfPocket!: Opt<Fen>;

  /** Settled at once at the hospital across all payers (一站式结算). */
  @Property({ type: 'boolean' })
  oneStop!: boolean;
}
