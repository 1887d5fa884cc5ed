import { Migration } from '@mikro-orm/migrations';

/**
 * The registry's four-zeros figures kept per village (households, and people by their
 * household's status), so a province's dashboard sums ten thousand villages instead of
 * counting two million roster rows. A village whose roster rows change is marked (an
 * append-only log: writers never wait on each other) and counted again before the next read.
 * Nothing is marked until the figures are first built.
 */
export class Migration20261202190000_village_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table village_figure_state (built boolean not null)`);
    this.addSql(`create table village_figure_stale (village_code char(12) not null)`);
    this.addSql(`create table village_figure (
      village_code char(12) primary key,
      households int not null,
      poor_people int not null,
      registered_people int not null,
      lifted_people int not null)`);
    this.addSql(`create function village_figure_changed() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from village_figure_state) then return null; end if;
        if tg_op = 'UPDATE' and (new.village_code, new.household_status, new.is_head) is not distinct from (old.village_code, old.household_status, old.is_head) then
          return null;
        end if;
        if tg_op <> 'INSERT' then insert into village_figure_stale values (old.village_code); end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.village_code <> old.village_code) then
          insert into village_figure_stale values (new.village_code);
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger village_figure_stale after insert or update or delete on roster for each row execute function village_figure_changed()`);
  }
}
