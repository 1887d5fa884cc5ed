import { ageOn } from '@fupin/kit';
import { SchoolStage } from './schooling.enums.js';

/**
 * Age in the school year starting in September of `year`: whole years on 31 August, the
 * day that decides school entry (a child who turns 6 that day starts primary school).
 */
export const schoolAge = (birthDate: string, year: number): number => ageOn(birthDate, `${year}-08-31`);

/** 义务教育: compulsory-school age, 6 to 15 on 31 August of the year. */
export const COMPULSORY_AGE = { from: 6, to: 15 } as const;

/**
 * The ages at which a stage is possible at all, wide enough for late entry, repeated years
 * and adult learners: a record outside them is a typing error (a grandmother in primary
 * school, a toddler at university), not an unusual pupil.
 */
export const STAGE_AGES: Record<SchoolStage, readonly [number, number]> = {
  PRESCHOOL: [2, 7],
  PRIMARY: [5, 18],
  JUNIOR_SECONDARY: [9, 21],
  SENIOR_SECONDARY: [12, 25],
  VOCATIONAL: [13, 45],
  TERTIARY: [15, 60],
};

/** Why a stage cannot be right for a person in a year, or null. */
export function stageAgeProblem(stage: SchoolStage, birthDate: string, year: number): string | null {
  const age = schoolAge(birthDate, year);
  const [from, to] = STAGE_AGES[stage];
  return age >= from && age <= to ? null : `stage ${stage} is impossible at age ${age} (on 31 August ${year}); it takes ages ${from} to ${to}`;
}

/** The same rule in SQL for imports: `stage` text, `birth_date` date, `year` integer expressions. */
export function stageAgeProblemSql(stage: string, birthDate: string, year: string): string {
  const age = `extract(year from age(make_date(${year}, 8, 31), ${birthDate}))::int`;
  const cases = Object.entries(STAGE_AGES)
    .map(([s, [from, to]]) => `when ${stage} = '${s}' and ${age} not between ${from} and ${to} then 'stage ${s} is impossible at age ' || ${age} || ' (on 31 August ' || ${year} || '); it takes ages ${from} to ${to}'`)
    .join(' ');
  return `case ${cases} end`;
}
