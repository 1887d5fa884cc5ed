import { Migration } from '@mikro-orm/migrations';

/**
 * A department database's read-only replica of the registry's roster (see the households
 * migration that publishes it): same table, filled by logical replication only.
 */
export class Migration20261123300000_roster_replica extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table roster (
        member_id uuid primary key,
        household_id uuid not null,
        village_code char(12) not null,
        birth_date date not null,
        labor_capacity text not null,
        health_status text not null,
        household_type text not null,
        household_status text not null,
        id_number_index text
      )`);
    this.addSql(`create index roster_household_idx on roster (household_id)`);
    this.addSql(`create index roster_village_idx on roster (village_code)`);
    this.addSql(`create index roster_id_number_index_idx on roster (id_number_index)`);
  }
}

export const ROSTER_REPLICA_MIGRATION = { name: 'Migration20261123300000_roster_replica', class: Migration20261123300000_roster_replica };
