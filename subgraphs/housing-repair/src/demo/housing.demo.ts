import { fenToDecimal } from '@fupin/kit';
import { type DemoCalendar, demoCalendar, type GeneratedRows, type Random, type RosterDemo, type RosterPerson } from '@fupin/kit/bulk';

const day = (r: Random, year: number) => `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
const yuan = (r: Random, lo: number, hi: number) => fenToDecimal(r.int(lo, hi) * 100);

/**
 * One household's housing: appraised once in 2016–2018 (about 45% A, 35% B, 13% C, 7% D; 2%
 * never), C houses mostly repaired and D houses mostly rebuilt (accepted, a few still in
 * progress or only planned), about 3% of the D houses' households relocated instead, and a
 * few reappraised after their renovation.
 */
export function generateHousing(members: readonly RosterPerson[], r: Random, calendar: DemoCalendar): GeneratedRows {
  const household = members[0]!.householdId;
  const township = members[0]!.villageCode.slice(6, 9);
  const appraisals: (string | number)[][] = [];
  const renovations: (string | number | null)[][] = [];
  const relocations: (string | number)[][] = [];
  if (r.chance(0.02)) return { appraisal: appraisals, renovation: renovations, relocation: relocations };
  const grade = r.weighted([['A', 45], ['B', 35], ['C', 13], ['D', 7]] as const);
  const appraisedYear = r.int(2016, 2018);
  const appraisedOn = day(r, appraisedYear);
  appraisals.push([calendar.nextId(), household, grade, appraisedOn, `${township}乡镇房屋安全鉴定组`]);
  if (grade === 'A' || grade === 'B') return { appraisal: appraisals, renovation: renovations, relocation: relocations };
  if (grade === 'D' && r.chance(0.3)) {
    relocations.push([calendar.nextId(), household, `${township}集中安置点`, day(r, appraisedYear + 1)]);
    return { appraisal: appraisals, renovation: renovations, relocation: relocations };
  }
  const kind = grade === 'D' || r.chance(0.1) ? 'REBUILD' : 'REPAIR';
  const subsidy = kind === 'REBUILD' ? yuan(r, 30_000, 50_000) : yuan(r, 8_000, 20_000);
  const startedOn = day(r, appraisedYear + 1);
  const standing = r.weighted([['ACCEPTED', 85], ['COMPLETED', 7], ['IN_PROGRESS', 5], ['PLANNED', 3]] as const);
  const completedOn = standing === 'ACCEPTED' || standing === 'COMPLETED' ? `${appraisedYear + 2}-${startedOn.slice(5)}` : null;
  renovations.push([calendar.nextId(), household, kind, subsidy, standing, standing === 'PLANNED' ? null : startedOn, completedOn]);
  // A house renovated is sometimes appraised again: safe now, by its own grade.
  if (completedOn && r.chance(0.3)) appraisals.push([calendar.nextId(), household, 'B', `${appraisedYear + 3}-${completedOn.slice(5)}`, `${township}乡镇房屋安全鉴定组`]);
  return { appraisal: appraisals, renovation: renovations, relocation: relocations };
}

export const housingDemo: RosterDemo<DemoCalendar> = {
  tables: {
    appraisal: ['id', 'household_id', 'grade', 'appraised_on', 'appraiser'],
    renovation: ['id', 'household_id', 'kind', 'subsidy', 'status', 'started_on', 'completed_on'],
    relocation: ['id', 'household_id', 'site', 'relocated_on'],
  },
  start: (seed) => demoCalendar(seed),
  household: generateHousing,
};
