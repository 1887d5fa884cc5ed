import { moneyColumn, RECORDED_COLUMNS } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/** Housing repair (住建): appraisals, renovations, relocations, per household; all accumulate. */
export class Migration20261202124124_housing_repair extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table appraisal (
        id uuid primary key,
        household_id uuid not null,
        grade text not null check (grade in ('A','B','C','D')),
        appraised_on date not null check (appraised_on >= '2014-01-01'),
        appraiser text not null check (length(appraiser) between 1 and 100),
        ${RECORDED_COLUMNS}
      )`);
    // The latest appraisal of a household on or before a day: the safe-housing rule's first look.
    this.addSql(`create index appraisal_household_idx on appraisal (household_id, appraised_on desc, recorded_at desc)`);

    this.addSql(`
      create table renovation (
        id uuid primary key,
        household_id uuid not null,
        kind text not null check (kind in ('REPAIR','REBUILD')),
        ${moneyColumn('subsidy')},
        status text not null check (status in ('PLANNED','IN_PROGRESS','COMPLETED','ACCEPTED')),
        started_on date check (started_on >= '2014-01-01'),
        completed_on date,
        ${RECORDED_COLUMNS},
        -- The service's rules, kept by the database too: dates follow the status.
        check ((status = 'PLANNED') = (started_on is null)),
        check ((status in ('COMPLETED','ACCEPTED')) = (completed_on is not null)),
        check (completed_on >= started_on)
      )`);
    this.addSql(`create index renovation_household_idx on renovation (household_id)`);

    this.addSql(`
      create table relocation (
        id uuid primary key,
        household_id uuid not null,
        site text not null check (length(site) between 1 and 100),
        relocated_on date not null check (relocated_on >= '2014-01-01'),
        ${RECORDED_COLUMNS}
      )`);
    this.addSql(`create index relocation_household_idx on relocation (household_id, relocated_on)`);
  }
}
