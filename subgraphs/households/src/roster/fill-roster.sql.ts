/**
 * Fills the roster from member and household in one statement: the migration's backfill
 * and the seed generator's load (whose row triggers are off while it copies) both use it.
 */
export const FILL_ROSTER = `
  insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index)
  select m.id, h.id, h.village_code, m.birth_date, m.labor_capacity, m.health_status, h.type, h.status, m.id_number_index
    from member m join household h on h.id = m.household_id`;
