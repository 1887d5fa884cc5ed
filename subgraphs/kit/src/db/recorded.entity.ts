import type { Opt } from '@mikro-orm/core';
import { Property } from '@mikro-orm/decorators/legacy';

/**
 * What every department record carries: when it was last recorded and by whom (the
 * caller's subject; `demo` for demo data). Columns from `RECORDED_COLUMNS`.
 */
export abstract class RecordedEntity {
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();

  @Property({ type: 'string' })
  recordedBy!: string;
}
