import { RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

/** A skills-training course a person finished (技能培训); trainings accumulate. */
@Entity({ tableName: 'training' })
export class TrainingEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'string' })
  course!: string;

  @Property({ type: 'integer' })
  hours!: number;

  @Property({ type: 'string', nullable: true })
  certificate!: string | null;

  @Property({ type: 'string', columnType: 'date' })
  trainedOn!: string;
}
