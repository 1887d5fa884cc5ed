import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { RenovationKind, RenovationStatus } from './renovation.enums.js';

/** A repair or rebuild of a household's house (危房改造); renovations accumulate, each moves forward. */
@Entity({ tableName: 'renovation' })
export class RenovationEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string' })
  kind!: RenovationKind;

  @Property({ type: FenType })
  subsidy!: Fen;

  @Property({ type: 'string' })
  status!: RenovationStatus;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  startedOn!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  completedOn!: string | null;
}
