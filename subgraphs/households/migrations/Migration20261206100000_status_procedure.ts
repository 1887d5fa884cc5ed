import { Migration } from '@mikro-orm/migrations';

/**
 * Status changes through their procedure (贫困户退出程序): a proposal per change, moved step by
 * step (NOTICE -> TOWNSHIP -> COUNTY -> APPROVED or REJECTED, or WITHDRAWN while open) by different people, with the
 * objections raised while it was published. Proposals are kept whatever their end (withdrawn ones too); objections
 * are never changed or removed. At most one open proposal per household, held by the database
 * so two concurrent proposals cannot both land.
 */
export class Migration20261206100000_status_procedure extends Migration {
  override async up(): Promise<void> {
    // 清退: a household identified in error is REMOVED (through the county's decision).
    this.addSql(`alter table household drop constraint household_status_check`);
    this.addSql(`alter table household add constraint household_status_check check (status in ('POOR','LIFTED','RELAPSED','MONITORED','REMOVED'))`);
    this.addSql(`
      create table status_change_proposal (
        id uuid primary key,
        household_id uuid not null references household(id),
        from_status text not null,
        to_status text not null,
        effective_date date not null,
        reason text not null,
        step text not null check (step in ('NOTICE','TOWNSHIP','COUNTY','APPROVED','REJECTED','WITHDRAWN')),
        proposed_by text not null,
        proposed_at timestamptz not null,
        notice_ends_on date,
        reviewed_by text,
        reviewed_at timestamptz,
        review_reason text,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        withdrawn_by text,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        step_since timestamptz not null,
        evidence jsonb
      )`);
    this.addSql(`create unique index status_change_proposal_open_unique on status_change_proposal (household_id) where step in ('NOTICE', 'TOWNSHIP', 'COUNTY')`);
    this.addSql(`create index status_change_proposal_household_idx on status_change_proposal (household_id, proposed_at)`);
    this.addSql(`create index status_change_proposal_step_idx on status_change_proposal (step, proposed_at, id)`);
    this.addSql(`
      create table status_change_objection (
        id bigserial primary key,
        proposal_id uuid not null references status_change_proposal(id),
        objection text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now()
      )`);
    this.addSql(`create index status_change_objection_proposal_idx on status_change_objection (proposal_id, id)`);
    this.addSql(`
      create trigger status_change_objection_append_only
      before update or delete on status_change_objection
      for each row execute function refuse_history_rewrite()`);
  }
}
