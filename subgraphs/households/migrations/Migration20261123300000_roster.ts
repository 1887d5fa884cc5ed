import { ROSTER_TABLE_V1 } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';
import { FILL_ROSTER_V1 } from '../src/roster/fill-roster.sql.js';

/**
 * The roster the registry publishes to department databases: one narrow row per member,
 * with what departments need to accept, refuse and count records (no name, no ID number:
 * only its blind index). Triggers keep it equal to member and household; the publication
 * `fupin_roster` carries it to each department's replica by logical replication.
 */
export class Migration20261123300000_roster extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V1);
    this.addSql(`
      create function roster_sync_member() returns trigger language plpgsql as $$
      begin
        insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index)
        select new.id, h.id, h.village_code, new.birth_date, new.labor_capacity, new.health_status, h.type, h.status, new.id_number_index
          from household h where h.id = new.household_id
        on conflict (member_id) do update set
          household_id = excluded.household_id, village_code = excluded.village_code, birth_date = excluded.birth_date,
          labor_capacity = excluded.labor_capacity, health_status = excluded.health_status, household_type = excluded.household_type,
          household_status = excluded.household_status, id_number_index = excluded.id_number_index;
        return null;
      end $$`);
    this.addSql(`create trigger roster_sync after insert or update on member for each row execute function roster_sync_member()`);
    this.addSql(`
      create function roster_sync_household() returns trigger language plpgsql as $$
      begin
        update roster set village_code = new.village_code, household_type = new.type, household_status = new.status
         where household_id = new.id
           and (village_code, household_type, household_status) is distinct from (new.village_code, new.type, new.status);
        return null;
      end $$`);
    this.addSql(`create trigger roster_sync after update on household for each row execute function roster_sync_household()`);
    this.addSql(FILL_ROSTER_V1);
    this.addSql(`create publication fupin_roster for table roster`);
  }
}
