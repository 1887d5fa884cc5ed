import { RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { AppraisalGrade } from './appraisal.enums.js';

/** One safety appraisal of a household's house (房屋安全鉴定); appraisals accumulate, the latest counts. */
@Entity({ tableName: 'appraisal' })
export class AppraisalEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string' })
  grade!: AppraisalGrade;

  @Property({ type: 'string', columnType: 'date' })
  appraisedOn!: string;

  @Property({ type: 'string' })
  appraiser!: string;
}
