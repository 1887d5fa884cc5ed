import { Migration } from '@mikro-orm/migrations';

/**
 * What an exit was granted on (each batch, no gap, each source's as-of), kept with the status
 * change so an inspector can see later why a household was allowed to exit.
 */
export class Migration20261202160000_exit_evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table household_status_change add column evidence jsonb`);
  }
}
