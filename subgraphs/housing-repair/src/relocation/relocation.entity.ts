import { RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

/** A household moved to a resettlement site (易地扶贫搬迁); the latest counts. */
@Entity({ tableName: 'relocation' })
export class RelocationEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string' })
  site!: string;

  @Property({ type: 'string', columnType: 'date' })
  relocatedOn!: string;
}
