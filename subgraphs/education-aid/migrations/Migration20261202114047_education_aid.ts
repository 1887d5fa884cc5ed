import { moneyColumn, RECORDED_COLUMNS, yearColumn } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/** Education aid (教育): schooling per person per school year, grants. */
export class Migration20261202114047_education_aid extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table schooling (
        member_id uuid not null,
        ${yearColumn()},
        school text not null check (length(school) between 1 and 100),
        stage text not null check (stage in ('PRESCHOOL','PRIMARY','JUNIOR_SECONDARY','SENIOR_SECONDARY','VOCATIONAL','TERTIARY')),
        status text not null check (status in ('ENROLLED','HOME_TAUGHT','SUSPENDED','DROPPED_OUT','GRADUATED')),
        ${RECORDED_COLUMNS},
        primary key (member_id, year)
      )`);
    // The dropout roster and imports read one school year over many members.
    this.addSql(`create index schooling_year_idx on schooling (year, member_id)`);

    this.addSql(`
      create table education_grant (
        id uuid primary key,
        member_id uuid not null,
        program text not null check (program in ('PRESCHOOL_AID','TWO_EXEMPTIONS_ONE_SUBSIDY','NATIONAL_GRANT','RAIN_DEW','STUDENT_LOAN')),
        ${moneyColumn('amount')} check (amount > 0),
        paid_on date not null check (paid_on >= '2014-01-01'),
        ${RECORDED_COLUMNS}
      )`);
    this.addSql(`create index education_grant_member_paid_idx on education_grant (member_id, paid_on)`);
  }
}
