import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { GrantProgram } from './grant.enums.js';

/** One payment of education aid to a person; grants accumulate. */
@Entity({ tableName: 'education_grant' })
export class GrantEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'string' })
  program!: GrantProgram;

  @Property({ type: FenType })
  amount!: Fen;

  @Property({ type: 'string', columnType: 'date' })
  paidOn!: string;
}
