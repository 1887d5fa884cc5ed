import { RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { SchoolStage, SchoolStatus } from './schooling.enums.js';

/** One person's schooling in the school year starting in September of `year`; recorded again, replaced. */
@Entity({ tableName: 'schooling' })
export class SchoolingEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  school!: string;

  @Property({ type: 'string' })
  stage!: SchoolStage;

  @Property({ type: 'string' })
  status!: SchoolStatus;
}
