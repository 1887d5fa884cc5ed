import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { IndustrySupportKind } from './industry-support.enums.js';

/** An industry-support measure (产业帮扶) for a household in a year; measures accumulate. */
@Entity({ tableName: 'industry_support' })
export class IndustrySupportEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  kind!: IndustrySupportKind;

  @Property({ type: FenType })
  amount!: Fen;

  @Property({ type: 'string', nullable: true })
  description!: string | null;
}
