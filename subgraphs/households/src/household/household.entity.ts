import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { HouseholdType, PovertyCause, PovertyStatus } from './household.enums.js';

@Entity({ tableName: 'household' })
export class HouseholdEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', unique: true })
  householdNumber!: string;

  @Property({ type: 'string', columnType: 'char(12)' })
  villageCode!: string;

  @Property({ type: 'string' })
  type!: HouseholdType;

  /** The latest entry of the status history, kept here so lists can filter on it. */
  @Property({ type: 'string' })
  status!: PovertyStatus;

  @Property({ type: 'integer' })
  identifiedYear!: number;

  @Property({ type: 'string' })
  mainCause!: PovertyCause;

  @Property({ type: 'string[]', columnType: 'text[]' })
  otherCauses: PovertyCause[] = [];

  @Property({ type: 'boolean' })
  safeDrinkingWater!: boolean;

  /** 帮扶责任人 */
  @Property({ type: 'string', nullable: true })
  helper: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
