import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Fen, FenType } from '@fupin/kit';

/** Per-capita net income (人均纯收入) of a household for one year; recorded again, replaced. */
@Entity({ tableName: 'household_income' })
export class IncomeEntity {
  @PrimaryKey({ type: 'uuid' })
  householdId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: FenType })
  incomePerCapita!: Fen;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();
}
