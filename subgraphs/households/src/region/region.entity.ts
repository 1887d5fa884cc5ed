import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { RegionLevel } from '@fupin/kit';

@Entity({ tableName: 'region' })
export class RegionEntity {
  @PrimaryKey({ type: 'string', columnType: 'char(12)' })
  code!: string;

  @Property({ type: 'string' })
  name!: string;

  /** Derived from the code at registration; stored so lists can filter on it. */
  @Property({ type: 'string' })
  level!: RegionLevel;

  @Property({ type: 'string', columnType: 'char(12)', nullable: true })
  parentCode!: string | null;

  @Property({ type: 'boolean' })
  isPovertyVillage: boolean = false;

  @Property({ type: 'integer', nullable: true })
  povertyVillageExitYear: number | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
