import { Migration } from '@mikro-orm/migrations';

/** 农村人口: the denominator of poverty incidence (贫困发生率), set per region by the county office. */
export class Migration20261202170000_rural_population extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table region add column rural_population integer check (rural_population >= 0)`);
  }
}
