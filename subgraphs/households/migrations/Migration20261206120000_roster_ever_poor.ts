import { ROSTER_TABLE_V3_COLUMNS } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Roster version 3: `ever_poor`, whether the household's status history holds POOR at any
 * time (registered poor, 建档立卡, MONITORED-after-LIFTED included), which the housing
 * department's priority list needs and the status alone cannot say. Kept by triggers of its
 * own (the member and household sync functions are left as they are): a row entering the
 * roster, or moving to another household, looks it up; a POOR entry appended to a history sets
 * it on the household's rows. Existing rows are filled here. A department's replica gets the
 * column from its own migration (the kit's); until it has run, its subscription retries.
 */
export class Migration20261206120000_roster_ever_poor extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V3_COLUMNS);
    this.addSql(`
      create function roster_ever_poor_row() returns trigger language plpgsql as $$
      begin
        new.ever_poor := exists (select 1 from household_status_change s where s.household_id = new.household_id and s.status = 'POOR');
        return new;
      end $$`);
    this.addSql(`
      create trigger roster_ever_poor before insert or update of household_id on roster
      for each row execute function roster_ever_poor_row()`);
    this.addSql(`
      create function roster_ever_poor_history() returns trigger language plpgsql as $$
      begin
        update roster set ever_poor = true where household_id = new.household_id and not ever_poor;
        return null;
      end $$`);
    this.addSql(`
      create trigger roster_ever_poor after insert on household_status_change
      for each row when (new.status = 'POOR') execute function roster_ever_poor_history()`);
    this.addSql(`update roster r set ever_poor = true where exists (select 1 from household_status_change s where s.household_id = r.household_id and s.status = 'POOR')`);
  }
}
