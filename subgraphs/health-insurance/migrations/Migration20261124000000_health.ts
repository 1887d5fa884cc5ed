import { moneyColumn, RECORDED_COLUMNS, yearColumn } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/** Health insurance (医保): enrollment per person per year, claims, family-doctor contracts. */
export class Migration20261124000000_health extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table insurance_enrollment (
        member_id uuid not null,
        ${yearColumn()},
        scheme text not null check (scheme in ('RESIDENT_BASIC','EMPLOYEE_BASIC')),
        ${moneyColumn('premium')},
        ${moneyColumn('subsidy')},
        critical_illness_cover boolean not null,
        supplementary_cover boolean not null,
        ${RECORDED_COLUMNS},
        primary key (member_id, year),
        check (subsidy <= premium)
      )`);
    // Coverage of one year over many members: uninsured counts, imports.
    this.addSql(`create index insurance_enrollment_year_idx on insurance_enrollment (year, member_id)`);

    this.addSql(`
      create table medical_claim (
        id uuid primary key,
        member_id uuid not null,
        date date not null check (date >= '2014-01-01'),
        hospital text not null check (length(hospital) between 1 and 100),
        kind text not null check (kind in ('INPATIENT','OUTPATIENT')),
        ${moneyColumn('total_cost')},
        ${moneyColumn('basic_paid')},
        ${moneyColumn('critical_illness_paid')},
        ${moneyColumn('supplementary_paid')},
        ${moneyColumn('assistance_paid')},
        -- Derived, never entered: the database keeps it consistent with the parts.
        out_of_pocket numeric(14,2) generated always as (total_cost - basic_paid - critical_illness_paid - supplementary_paid - assistance_paid) stored,
        one_stop boolean not null,
        ${RECORDED_COLUMNS},
        check (basic_paid + critical_illness_paid + supplementary_paid + assistance_paid <= total_cost)
      )`);
    this.addSql(`create index medical_claim_member_date_idx on medical_claim (member_id, date)`);

    this.addSql(`
      create table family_doctor_contract (
        member_id uuid not null,
        ${yearColumn()},
        doctor_team text not null check (length(doctor_team) between 1 and 100),
        signed_on date not null,
        ${RECORDED_COLUMNS},
        primary key (member_id, year)
      )`);
  }
}
