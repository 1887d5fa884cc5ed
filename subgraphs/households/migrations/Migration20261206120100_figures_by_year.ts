import { Migration } from '@mikro-orm/migrations';

/**
 * The registry's figures for a year read the statuses as of 31 December of that year
 * (domain.md, "The exit standard"): the village figures are now kept per year (built by
 * upkeep a year at a time, as the departments' four zeros are; the roster's marks refresh
 * every year built), and the rural population (农村人口) is set per region and year, a year
 * reading the latest one set up to it. A value set before, without a year, is kept as 2014's
 * (the first year the registry knows), so it still answers every year until a later one is set.
 */
export class Migration20261206120100_figures_by_year extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table village_figure_state`);
    this.addSql(`drop table village_figure`);
    this.addSql(`create table village_figure_year (year int primary key, built boolean not null default false)`);
    this.addSql(`create table village_figure (
      year int not null,
      village_code char(12) not null,
      households int not null,
      poor_people int not null,
      registered_people int not null,
      lifted_people int not null,
      primary key (year, village_code))`);
    // Marks taken before any year is built are harmless; every village is counted at its build.
    this.addSql(`truncate village_figure_stale`);
    this.addSql(`create table region_rural_population (
      region_code char(12) not null references region(code),
      year int not null check (year >= 2014),
      rural_population int not null check (rural_population >= 0),
      primary key (region_code, year))`);
    this.addSql(`insert into region_rural_population (region_code, year, rural_population) select code, 2014, rural_population from region where rural_population is not null`);
    this.addSql(`alter table region drop column rural_population`);
  }
}
