import { Migration } from '@mikro-orm/migrations';
import { ROSTER_MEMBERSHIP_COLUMNS, ROSTER_TABLE_V1, ROSTER_TABLE_V2_COLUMNS, ROSTER_TABLE_V3_COLUMNS } from './roster.table.js';

/**
 * A department database's read-only replica of the registry's roster (see the households
 * migration that publishes it): same table, filled by logical replication only.
 */
export class Migration20261123300000_roster_replica extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V1);
    this.addSql(`create index roster_household_idx on roster (household_id)`);
    this.addSql(`create index roster_village_idx on roster (village_code)`);
    this.addSql(`create index roster_id_number_index_idx on roster (id_number_index)`);
  }
}

/**
 * Version 2 of the replica. A replica must have a column before the registry sends it: until
 * this runs, the subscription waits (and retries) on the registry's filled columns.
 */
export class Migration20261202130000_roster_replica_v2 extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V2_COLUMNS);
    this.addSql(`create index roster_household_number_idx on roster (household_number)`);
  }
}

/** Membership on the replica (joined_on, left_on), before the registry sends it. */
export class Migration20261206030000_roster_replica_membership extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_MEMBERSHIP_COLUMNS);
  }
}

/** Version 3 of the replica (`ever_poor`); like version 2, before the registry sends the column. */
export class Migration20261206120000_roster_replica_ever_poor extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROSTER_TABLE_V3_COLUMNS);
  }
}

export const ROSTER_REPLICA_MIGRATIONS = [
  { name: 'Migration20261123300000_roster_replica', class: Migration20261123300000_roster_replica },
  { name: 'Migration20261202130000_roster_replica_v2', class: Migration20261202130000_roster_replica_v2 },
  { name: 'Migration20261206030000_roster_replica_membership', class: Migration20261206030000_roster_replica_membership },
  { name: 'Migration20261206120000_roster_replica_ever_poor', class: Migration20261206120000_roster_replica_ever_poor },
];
