import { fenToDecimal } from '@fupin/kit';
import { type DemoCalendar, demoCalendar, type GeneratedRows, type Random, type RosterDemo, type RosterPerson } from '@fupin/kit/bulk';
import { GrantProgram } from '../grant/grant.enums.js';
import { COMPULSORY_AGE, schoolAge } from '../schooling/school-age.js';
import { SchoolStage, SchoolStatus } from '../schooling/schooling.enums.js';

type Grant = readonly [GrantProgram, number];

/** The usual stage at an age (31 August), and the grant a poor pupil of that stage gets (元/年). */
function usualStage(age: number, r: Random): { stage: SchoolStage; grant: Grant } | null {
  if (age >= 3 && age <= 5) return r.chance(0.85) ? { stage: SchoolStage.PRESCHOOL, grant: [GrantProgram.PRESCHOOL_AID, 1000] } : null;
  if (age >= 6 && age <= 11) return { stage: SchoolStage.PRIMARY, grant: [GrantProgram.TWO_EXEMPTIONS_ONE_SUBSIDY, 1000] };
  if (age >= 12 && age <= 14) return { stage: SchoolStage.JUNIOR_SECONDARY, grant: [GrantProgram.TWO_EXEMPTIONS_ONE_SUBSIDY, 1250] };
  if (age === 15) return r.chance(0.2) ? { stage: SchoolStage.JUNIOR_SECONDARY, grant: [GrantProgram.TWO_EXEMPTIONS_ONE_SUBSIDY, 1250] } : upperSecondary(r);
  if (age >= 16 && age <= 18) return r.chance(0.8) ? upperSecondary(r) : null;
  if (age >= 19 && age <= 22) {
    if (r.chance(0.3)) return { stage: SchoolStage.TERTIARY, grant: [GrantProgram.STUDENT_LOAN, 8000] };
    return r.chance(0.1) ? { stage: SchoolStage.VOCATIONAL, grant: [GrantProgram.RAIN_DEW, 3000] } : null;
  }
  return null;
}

const upperSecondary = (r: Random): { stage: SchoolStage; grant: Grant } =>
  r.chance(0.6) ? { stage: SchoolStage.SENIOR_SECONDARY, grant: [GrantProgram.NATIONAL_GRANT, 2000] } : { stage: SchoolStage.VOCATIONAL, grant: [GrantProgram.RAIN_DEW, 3000] };

/** A compulsory-age child's standing: null is missing from the school roll. */
const COMPULSORY_STANDING = [
  [SchoolStatus.ENROLLED, 989],
  [null, 3],
  [SchoolStatus.DROPPED_OUT, 5],
  [SchoolStatus.SUSPENDED, 3],
] as const;

/**
 * One person's school years and grants: nearly every compulsory-age child in school, a small
 * dropout rate (about 0.5% dropped out, 0.3% missing from the roll), home teaching (送教上门)
 * for about half of the disabled children, grants for most poor pupils.
 */
export function generateSchooling(person: RosterPerson, r: Random, calendar: SchoolCalendar): GeneratedRows {
  const schooling: (string | number)[][] = [];
  const grants: (string | number)[][] = [];
  const township = person.villageCode.slice(6, 9);
  for (const year of calendar.years) {
    const age = schoolAge(person.birthDate, year);
    const place = usualStage(age, r);
    if (!place) continue;
    const compulsory = age >= COMPULSORY_AGE.from && age <= COMPULSORY_AGE.to;
    const status = !compulsory ? SchoolStatus.ENROLLED : person.healthStatus === 'DISABLED' && r.chance(0.5) ? SchoolStatus.HOME_TAUGHT : r.weighted(COMPULSORY_STANDING);
    // Not on the school roll: the office has to find out why.
    if (status === null) continue;
    const school =
      place.stage === SchoolStage.TERTIARY ? '省属高校' : place.stage === SchoolStage.VOCATIONAL ? '县职业技术学校' : place.stage === SchoolStage.SENIOR_SECONDARY ? '县第一中学' : `${township}乡中心学校`;
    schooling.push([person.memberId, year, school, place.stage, status]);
    if (status === SchoolStatus.DROPPED_OUT || !r.chance(0.85)) continue;
    const days = calendar.autumn.get(year)!;
    if (days.length === 0) continue;
    grants.push([calendar.nextId(), person.memberId, place.grant[0], fenToDecimal(place.grant[1] * 100), days[r.int(0, days.length - 1)]!]);
  }
  return { schooling, education_grant: grants };
}

/** Grants are paid in autumn, after the school year starts: each year's autumn days up to today. */
export interface SchoolCalendar extends DemoCalendar {
  autumn: Map<number, string[]>;
}

export function schoolCalendar(seed: number, today?: string): SchoolCalendar {
  const calendar = demoCalendar(seed, today);
  return { ...calendar, autumn: new Map(calendar.years.map((y) => [y, calendar.days.get(y)!.filter((d) => d >= `${y}-09-01`)])) };
}

/** The education department's demo records, made for each person on the roster. */
export const educationDemo: RosterDemo<SchoolCalendar> = {
  tables: {
    schooling: ['member_id', 'year', 'school', 'stage', 'status'],
    education_grant: ['id', 'member_id', 'program', 'amount', 'paid_on'],
  },
  start: (seed) => schoolCalendar(seed),
  member: generateSchooling,
};
