import { type Fen, FenType, RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EmploymentStatus } from './employment.enums.js';

/** One person's employment in a year; recorded again for the year, replaced. */
@Entity({ tableName: 'employment' })
export class EmploymentEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  status!: EmploymentStatus;

  @Property({ type: 'integer' })
  monthsWorked!: number;

  @Property({ type: FenType })
  monthlyIncome!: Fen;

  @Property({ type: 'string', nullable: true })
  employer!: string | null;
}
