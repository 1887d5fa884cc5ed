import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What every dated change of the registry keeps (household_change, member_change): when it
 * takes effect, why, who made it, and the values it set beside those it replaced, so the
 * household as of an earlier day is the row overlaid with the `was` of the first change after
 * that day. Append-only: a trigger refuses UPDATE and DELETE.
 */
export abstract class DatedChangeEntity {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

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

  /** Column names (snake_case) to the values before the change. */
  @Property({ type: 'json' })
  was!: Record<string, unknown>;

  /** Column names to the values set. */
  @Property({ type: 'json' })
  became!: Record<string, unknown>;
}
