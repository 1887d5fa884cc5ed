import { Migration } from '@mikro-orm/migrations';

/**
 * The registry's four-zeros figures kept per village (households, and people by their
 * household's status), so a province's dashboard sums ten thousand villages instead of
 * counting two million roster rows. A village whose roster rows change is marked (an
 * append-only log: writers never wait on each other) and counted again before the next read;
 * every change is marked, also before the figures are first built (a change in flight then
 * would otherwise be missed by both).
 */
export class Migration20261202190000_village_figures extends Migration {
  override async up(): Promise<void> {
    // One row: whether the figures are built.
    this.addSql(`create table village_figure_state (one boolean primary key default true check (one), built boolean not null)`);
    this.addSql(`create table village_figure_stale (village_code char(12) not null)`);
    this.addSql(`create table village_figure (
      village_code char(12) primary key,
      households int not null,
      poor_people int not null,
      registered_people int not null,
      lifted_people int not null)`);
    this.addSql(`create function village_figure_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and (new.village_code, new.household_status, new.is_head) is not distinct from (old.village_code, old.household_status, old.is_head) then
          return null;
        end if;
        if tg_op <> 'INSERT' then insert into public.village_figure_stale values (old.village_code); end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.village_code <> old.village_code) then
          insert into public.village_figure_stale values (new.village_code);
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger village_figure_stale after insert or update or delete on roster for each row execute function village_figure_changed()`);
  }
}
