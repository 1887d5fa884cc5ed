import { Migration } from '@mikro-orm/migrations';

/**
 * The roster by household: departments' demo loaders and checks read it a page of households
 * at a time, and without this index every page scanned and sorted the whole roster (a
 * million households took minutes longer than their rows are worth).
 */
export class Migration20261202120000_roster_household_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index roster_household_idx on roster (household_id)`);
  }
}
