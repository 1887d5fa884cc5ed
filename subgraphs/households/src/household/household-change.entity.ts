import type { Opt } from '@mikro-orm/core';
import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The attributes of a household a change may set (UpdateHousehold). */
export interface HouseholdAttributes {
  type?: string;
  mainCause?: string;
  otherCauses?: string[];
  safeDrinkingWater?: boolean;
  helper?: string | null;
}

/**
 * One dated change of a household's attributes. Append-only (a trigger refuses UPDATE and
 * DELETE); `was` keeps the values it replaced, so the household as of an earlier day is the
 * row overlaid with the `was` of the first change after that day.
 */
@Entity({ tableName: 'household_change' })
export class HouseholdChangeEntity {
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
