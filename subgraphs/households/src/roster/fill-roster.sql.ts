/**
 * Fills the roster (version 2) from member and household in one statement: the seed
 * generator's load (whose row triggers are off while it copies) uses it.
 */
export const FILL_ROSTER = `
  insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index, household_number, is_head)
  select m.id, h.id, h.village_code, m.birth_date, m.labor_capacity, m.health_status, h.type, h.status, m.id_number_index, h.household_number, m.relation_to_head = 'HEAD'
    from member m join household h on h.id = m.household_id`;

/** Version 1's fill, frozen for the migration that made the roster before version 2. */
export const FILL_ROSTER_V1 = `
  insert into roster (member_id, household_id, village_code, birth_date, labor_capacity, health_status, household_type, household_status, id_number_index)
  select m.id, h.id, h.village_code, m.birth_date, m.labor_capacity, m.health_status, h.type, h.status, m.id_number_index
    from member m join household h on h.id = m.household_id`;
