import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log every subgraph keeps in its own database (MLPS 2.0 level 3: who did what,
 * when, kept at least six months). Append-only twice over: the application's role has no
 * UPDATE, DELETE or TRUNCATE on it, and triggers refuse them for anyone else too. Each row
 * carries the hash of the one before, so a changed or missing row breaks the chain.
 */
export class Migration20261123200000_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null,
        actor text not null,
        role text not null,
        region text not null,
        action text not null,
        subject_id text,
        outcome text not null check (outcome in ('ALLOWED', 'REFUSED')),
        reason text,
        correlation_id text,
        prev_hash text not null,
        hash text not null unique
      )`);
    this.addSql(`create index audit_log_subject_idx on audit_log (subject_id, id)`);
    this.addSql(`create index audit_log_region_idx on audit_log (region, id)`);
    this.addSql(`
      create function refuse_audit_rewrite() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end $$`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on audit_log for each row execute function refuse_audit_rewrite()`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function refuse_audit_rewrite()`);
  }
}

export const AUDIT_MIGRATION = { name: 'Migration20261123200000_audit_log', class: Migration20261123200000_audit_log };
