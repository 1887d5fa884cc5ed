import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { DatedChangeEntity } from '../household/dated-change.entity.js';

/**
 * One dated change of a member's attributes (health status, disability grade, labor capacity,
 * relation to head when a new head is named).
 */
@Entity({ tableName: 'member_change' })
export class MemberChangeEntity extends DatedChangeEntity {
  @Property({ type: 'uuid' })
  memberId!: string;
}
