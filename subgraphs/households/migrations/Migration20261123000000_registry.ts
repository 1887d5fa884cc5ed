import { Migration } from '@mikro-orm/migrations';

/** The registry (建档立卡): regions, households, members, income, status history. */
export class Migration20261123000000_registry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table region (
        code char(12) primary key check (code ~ '^[0-9]{12}$'),
        name text not null check (length(name) between 1 and 100),
        level text not null check (level in ('PROVINCE','CITY','COUNTY','TOWNSHIP','VILLAGE')),
        parent_code char(12) references region(code),
        is_poverty_village boolean not null default false,
        poverty_village_exit_year integer,
        created_at timestamptz not null default now(),
        check (is_poverty_village = false or level = 'VILLAGE'),
        check (poverty_village_exit_year is null or is_poverty_village)
      )`);
    this.addSql(`create index region_parent_code_idx on region (parent_code, code)`);

    this.addSql(`
      create table household (
        id uuid primary key,
        household_number text not null,
        village_code char(12) not null references region(code),
        type text not null check (type in ('GENERAL','DIBAO','TEKUN')),
        status text not null check (status in ('POOR','LIFTED','RELAPSED','MONITORED')),
        identified_year integer not null,
        main_cause text not null,
        other_causes text[] not null default '{}',
        safe_drinking_water boolean not null,
        helper text,
        created_at timestamptz not null default now(),
        constraint household_household_number_unique unique (household_number)
      )`);
    // Region lists are a prefix range on village_code, in household-number order.
    this.addSql(`create index household_village_number_idx on household (village_code, household_number)`);

    this.addSql(`
      create table member (
        id uuid primary key,
        household_id uuid not null references household(id),
        position smallint not null,
        name text not null,
        id_number text not null,
        gender text not null check (gender in ('MALE','FEMALE')),
        birth_date date not null,
        relation_to_head text not null,
        health_status text not null check (health_status in ('HEALTHY','CHRONIC_ILLNESS','SERIOUS_ILLNESS','DISABLED')),
        disability_grade smallint check (disability_grade between 1 and 4),
        labor_capacity text not null check (labor_capacity in ('SKILLED','ORDINARY','WEAK','LOST','NONE')),
        created_at timestamptz not null default now(),
        constraint member_id_number_unique unique (id_number),
        check (disability_grade is null or health_status = 'DISABLED')
      )`);
    this.addSql(`create index member_household_idx on member (household_id, position)`);
    // The rules "exactly one HEAD, at most one SPOUSE" are checked by the service; these
    // indexes keep them true even against a concurrent or hand-written insert.
    this.addSql(`create unique index member_one_head_idx on member (household_id) where relation_to_head = 'HEAD'`);
    this.addSql(`create unique index member_one_spouse_idx on member (household_id) where relation_to_head = 'SPOUSE'`);

    this.addSql(`
      create table household_income (
        household_id uuid not null references household(id),
        year integer not null,
        income_per_capita numeric(14,2) not null check (income_per_capita >= 0),
        recorded_at timestamptz not null default now(),
        primary key (household_id, year)
      )`);

    this.addSql(`
      create table household_status_change (
        id bigserial primary key,
        household_id uuid not null references household(id),
        previous_status text,
        status text not null,
        effective_date date not null,
        reason text not null,
        changed_by text not null,
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(`create index household_status_change_household_idx on household_status_change (household_id, id)`);
    this.addSql(`
      create function refuse_history_rewrite() returns trigger language plpgsql as $$
      begin
        raise exception 'household status history is append-only';
      end $$`);
    this.addSql(`
      create trigger household_status_change_append_only
      before update or delete on household_status_change
      for each row execute function refuse_history_rewrite()`);
  }
}
