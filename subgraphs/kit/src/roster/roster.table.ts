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
