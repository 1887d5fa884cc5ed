import { ROSTER_MEMBERSHIP_COLUMNS } from '@fupin/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Registry upkeep (动态管理) and history as of any date.
 *
 * Membership is a validity range on the member row: `joined_on` (null: since the household was
 * identified) and `left_on` (null: still there). A member who leaves stays a row, so what the
 * departments recorded about them keeps its member, and the household of a past date is one
 * range test. The rules "one HEAD, at most one SPOUSE, one person in one household" hold among
 * the members present, so their unique indexes now leave out those who left.
 *
 * Attribute changes go to append-only change tables that keep, beside what was set, the values
 * the change replaced (`was`): the household as of a day is the row as it is now, overlaid
 * with the `was` of the first change after that day (none: the row itself). Households
 * registered before this migration, or loaded in bulk, need no baseline row, and a read of
 * "as of D" is one lateral join per batch. Changes are kept in effective-date order (a change
 * dated before the last one is refused), as the status history is.
 */
export class Migration20261206030000_registry_upkeep extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table member
        add column joined_on date,
        add column joined_reason text check (joined_reason in ('BIRTH','MARRIAGE','OTHER')),
        add column left_on date,
        add column left_reason text check (left_reason in ('DEATH','MARRIAGE_OUT','MOVED_AWAY','OTHER')),
        add constraint member_left_after_joined check (left_on is null or joined_on is null or left_on >= joined_on),
        add constraint member_left_with_reason check ((left_on is null) = (left_reason is null))`);
    this.addSql(`drop index member_one_head_idx`);
    this.addSql(`drop index member_one_spouse_idx`);
    this.addSql(`drop index member_id_number_index_unique`);
    this.addSql(`create unique index member_one_head_idx on member (household_id) where relation_to_head = 'HEAD' and left_on is null`);
    this.addSql(`create unique index member_one_spouse_idx on member (household_id) where relation_to_head = 'SPOUSE' and left_on is null`);
    // One person, one household: among those present. A person who moved or married out may join another.
    this.addSql(`create unique index member_id_number_index_unique on member (id_number_index) where left_on is null`);
    this.addSql(`create index member_id_number_index_idx on member (id_number_index)`);

    this.addSql(`
      create table household_change (
        id bigserial primary key,
        household_id uuid not null references household(id),
        effective_date date not null,
        reason text not null,
        changed_by text not null,
        recorded_at timestamptz not null default now(),
        was jsonb not null,
        became jsonb not null
      )`);
    this.addSql(`create index household_change_household_idx on household_change (household_id, effective_date, id)`);
    this.addSql(`
      create table member_change (
        id bigserial primary key,
        member_id uuid not null references member(id),
        household_id uuid not null references household(id),
        effective_date date not null,
        reason text not null,
        changed_by text not null,
        recorded_at timestamptz not null default now(),
        was jsonb not null,
        became jsonb not null
      )`);
    this.addSql(`create index member_change_member_idx on member_change (member_id, effective_date, id)`);
    this.addSql(`create index member_change_household_idx on member_change (household_id)`);
    this.addSql(`
      create function refuse_change_rewrite() returns trigger language plpgsql as $$
      begin
        raise exception 'the registry''s change history is append-only';
      end $$`);
    this.addSql(`create trigger household_change_append_only before update or delete on household_change for each row execute function refuse_change_rewrite()`);
    this.addSql(`create trigger member_change_append_only before update or delete on member_change for each row execute function refuse_change_rewrite()`);

    // The roster carries membership to the departments. Its own trigger, named to fire after
    // roster_sync (which makes the row), so the roster's other columns stay with theirs.
    this.addSql(ROSTER_MEMBERSHIP_COLUMNS);
    this.addSql(`
      create function roster_sync_membership() returns trigger language plpgsql as $$
      begin
        update roster set joined_on = new.joined_on, left_on = new.left_on
         where member_id = new.id and (joined_on, left_on) is distinct from (new.joined_on, new.left_on);
        return null;
      end $$`);
    this.addSql(`create trigger roster_sync_membership after insert or update on member for each row execute function roster_sync_membership()`);
  }
}
