import { moneyColumn, RECORDED_COLUMNS, yearColumn } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/** Employment (人社): employment per person per year, skills trainings, industry support per household. */
export class Migration20261202142841_employment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table employment (
        member_id uuid not null,
        ${yearColumn()},
        status text not null check (status in ('LOCAL','IN_COUNTY','IN_PROVINCE','OUT_OF_PROVINCE','PUBLIC_WELFARE_POST','ECOLOGICAL_RANGER','WORKSHOP','SELF_EMPLOYED','UNEMPLOYED')),
        months_worked integer not null check (months_worked between 0 and 12),
        ${moneyColumn('monthly_income')},
        employer text check (length(employer) between 1 and 100),
        ${RECORDED_COLUMNS},
        -- The service's rule, kept by the database too: no months worked while unemployed.
        check (status <> 'UNEMPLOYED' or months_worked = 0),
        primary key (member_id, year)
      )`);
    // The work lists and imports read one year over many members.
    this.addSql(`create index employment_year_idx on employment (year, member_id)`);

    this.addSql(`
      create table training (
        id uuid primary key,
        member_id uuid not null,
        course text not null check (length(course) between 1 and 100),
        hours integer not null check (hours between 1 and 2000),
        certificate text check (length(certificate) between 1 and 100),
        trained_on date not null check (trained_on >= '2014-01-01'),
        ${RECORDED_COLUMNS}
      )`);
    this.addSql(`create index training_member_idx on training (member_id, trained_on)`);

    this.addSql(`
      create table industry_support (
        id uuid primary key,
        household_id uuid not null,
        ${yearColumn()},
        kind text not null check (kind in ('COOPERATIVE_SHARE','SOLAR_DIVIDEND','LIVESTOCK','CROPS','WORKSHOP','MICROCREDIT','OTHER')),
        ${moneyColumn('amount')},
        description text check (length(description) between 1 and 200),
        ${RECORDED_COLUMNS}
      )`);
    this.addSql(`create index industry_support_household_idx on industry_support (household_id, year)`);
  }
}
