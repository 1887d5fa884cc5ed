/**
 * The roster's shape, once for both ends of the replication: the registry's published table
 * and each department's replica must have the same columns. Version 1, frozen: migrations
 * that have run use it, so a change is a new constant and a new migration on both sides.
 */
export const ROSTER_TABLE_V1 = `
  create table roster (
    member_id uuid primary key,
    household_id uuid not null,
    village_code char(12) not null,
    birth_date date not null,
    labor_capacity text not null,
    health_status text not null,
    household_type text not null,
    household_status text not null,
    id_number_index text
  )`;

/**
 * Version 2, on both ends: the household number and whether the member is its head, so a
 * department's list keyed by household number or by the head's ID number (an appraisal list)
 * finds its household. Frozen as well.
 */
export const ROSTER_TABLE_V2_COLUMNS = `alter table roster add column household_number text, add column is_head boolean not null default false`;

/**
 * Membership, on both ends: the day a member joined (null: since the household was identified)
 * and the day they left (null: still there). A member who left stays on the roster, so a rule
 * for a past year still finds them; rules for year Y count only members present on 31 December
 * of Y (`rosterMemberIn`). Frozen as well.
 */
export const ROSTER_MEMBERSHIP_COLUMNS = `alter table roster add column joined_on date, add column left_on date`;

/**
 * Version 3, on both ends: whether the household is registered poor (建档立卡: its status
 * history holds POOR at any time, whatever its status now), so a department's priority list
 * counts a household lifted and then monitored, which the status alone cannot tell apart from
 * an at-risk household registered straight as MONITORED. Frozen as well.
 */
export const ROSTER_TABLE_V3_COLUMNS = `alter table roster add column ever_poor boolean not null default false`;
