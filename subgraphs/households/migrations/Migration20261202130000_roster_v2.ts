import { ROSTER_TABLE_V2_COLUMNS } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Roster version 2: the household number and whether the member is the head, so department
 * lists keyed by household number or by the head's ID number find their household. The
 * triggers now keep both; existing rows are filled here. A department's replica gets the
 * columns from its own migration (the kit's); until it has run, its subscription retries.
 */
export class Migration20261202130000_roster_v2 extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V2_COLUMNS);
    this.addSql(`create index roster_household_number_idx on roster (household_number)`);
    this.addSql(`
      create or replace function roster_sync_member() returns trigger language plpgsql as $$
      begin
        insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index, household_number, is_head)
        select new.id, h.id, h.village_code, new.birth_date, new.labor_capacity, new.health_status, h.type, h.status, new.id_number_index, h.household_number, new.relation_to_head = 'HEAD'
          from household h where h.id = new.household_id
        on conflict (member_id) do update set
          household_id = excluded.household_id, village_code = excluded.village_code, birth_date = excluded.birth_date,
          labor_capacity = excluded.labor_capacity, health_status = excluded.health_status, household_type = excluded.household_type,
          household_status = excluded.household_status, id_number_index = excluded.id_number_index,
          household_number = excluded.household_number, is_head = excluded.is_head;
        return null;
      end $$`);
    this.addSql(`
      create or replace function roster_sync_household() returns trigger language plpgsql as $$
      begin
        update roster set village_code = new.village_code, household_type = new.type, household_status = new.status, household_number = new.household_number
         where household_id = new.id
           and (village_code, household_type, household_status, household_number) is distinct from (new.village_code, new.type, new.status, new.household_number);
        return null;
      end $$`);
    this.addSql(`
      update roster r set household_number = h.household_number, is_head = m.relation_to_head = 'HEAD'
        from member m join household h on h.id = m.household_id
       where m.id = r.member_id`);
  }
}
