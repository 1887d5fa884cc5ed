import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One dated change of a member's attributes (health status, disability grade, labor capacity,
 * relation to head when a new head is named). Append-only; `was` keeps the values replaced, as
 * in household_change.
 */
@Entity({ tableName: 'member_change' })
export class MemberChangeEntity {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'string' })
  reason!: string;

  @Property({ type: 'string' })
  changedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();

  @Property({ type: 'json' })
  was!: Record<string, unknown>;

  @Property({ type: 'json' })
  became!: Record<string, unknown>;
}
