import { Migration } from '@mikro-orm/migrations';

/** The four zeros' registry figures read the roster by village-code range (a village, a township, a county). */
export class Migration20261202180000_roster_village_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists roster_village_idx on roster (village_code)`);
  }
}
