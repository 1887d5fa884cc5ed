import { isIsoDate, pastDateProblem } from '@fupin/kit';
import type { DepartmentImport } from '@fupin/kit/bulk';

interface DeathRow {
  diedOn: string;
}

/**
 * The deaths list of civil affairs or public security (死亡人员名单), `id_number,died_on`,
 * matched against the registry's own roster by ID-number blind index, like a department's list.
 * A matched row is a RemoveMember with reason DEATH: the member leaves on the day of death (the
 * row stays), and the change is kept with who imported it. Rows the upkeep mutation would refuse
 * are reported instead: someone who already left, a death dated before they joined (or before
 * the household was identified, or before their last change), and a head who leaves others
 * behind (a new head is named through removeMember).
 */
export const deathsImport: DepartmentImport<DeathRow> = {
  description: 'deaths (civil affairs, public security): the member leaves the household on died_on',
  columns: ['died_on'],
  parse(row) {
    const diedOn = row.died_on ?? '';
    if (!isIsoDate(diedOn)) return 'died_on must be a date YYYY-MM-DD';
    return pastDateProblem(diedOn, 'died_on') ?? { diedOn };
  },
  // A person dies once: listed twice, neither row is taken.
  key: () => 'death',
  staging: { columns: 'died_on date', values: (r) => [r.diedOn] },
  check: `case
    when r.left_on is not null then 'already left the household on ' || r.left_on
    when s.died_on < (select coalesce(m.joined_on, make_date(h.identified_year, 1, 1)) from member m join household h on h.id = m.household_id where m.id = r.member_id)
      then 'died_on is before the member joined or the household was identified'
    when s.died_on < (select max(c.effective_date) from member_change c where c.member_id = r.member_id) then 'died_on is before the last change of this member'
    when r.is_head and exists (select 1 from roster o where o.household_id = r.household_id and o.member_id <> r.member_id and o.left_on is null)
      then 'the head of a household with other members: name the new head with removeMember'
  end`,
  apply: `
    with gone as (
      update member m set left_on = x.died_on, left_reason = 'DEATH' from matched x where m.id = x.member_id
      returning m.id, m.household_id, x.died_on, m.relation_to_head, m.health_status, m.disability_grade, m.labor_capacity)
    insert into member_change (member_id, household_id, effective_date, reason, changed_by, was, became)
    select id, household_id, died_on, 'DEATH', $1,
           jsonb_build_object('relation_to_head', relation_to_head, 'health_status', health_status, 'disability_grade', disability_grade, 'labor_capacity', labor_capacity),
           jsonb_build_object('left_on', died_on, 'left_reason', 'DEATH')
      from gone`,
};
