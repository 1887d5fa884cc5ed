import { registryYearProblem, textProblem } from '@fupin/kit';
import type { DepartmentImport } from '@fupin/kit/bulk';
import { stageAgeProblemSql } from './school-age.js';
import { SchoolStage, SchoolStatus } from './schooling.enums.js';

interface SchoolRollRow {
  year: number;
  stage: SchoolStage;
  school: string;
  status: SchoolStatus;
}

const STAGES = new Set<string>(Object.values(SchoolStage));
const STATUSES = new Set<string>(Object.values(SchoolStatus));

/**
 * The annual school-roll list (学籍名单) the education bureau exports:
 * `id_number,year,stage,school,status`. The checks are the mutation's, the stage against the
 * registry's birth date included; a matched row replaces the person's record of the school year.
 */
export const schoolRollImport: DepartmentImport<SchoolRollRow> = {
  description: 'schooling per person and school year (the school roll)',
  columns: ['year', 'stage', 'school', 'status'],
  parse(row) {
    const year = Number(row.year);
    const problem = registryYearProblem(year);
    if (problem) return `year ${problem}`;
    if (!STAGES.has(row.stage!)) return `stage must be one of ${[...STAGES].join(', ')}`;
    if (!STATUSES.has(row.status!)) return `status must be one of ${[...STATUSES].join(', ')}`;
    const school = row.school!;
    const schoolProblem = textProblem(school, 'school', 100);
    if (schoolProblem) return schoolProblem;
    return { year, stage: row.stage as SchoolStage, school, status: row.status as SchoolStatus };
  },
  key: (r) => String(r.year),
  staging: {
    columns: 'year integer, stage text, school text, status text',
    values: (r) => [r.year, r.stage, r.school, r.status],
  },
  check: stageAgeProblemSql('s.stage', 'r.birth_date', 's.year'),
  apply: `
    insert into schooling (member_id, year, school, stage, status, recorded_at, recorded_by)
    select member_id, year, school, stage, status, now(), $1 from matched
    on conflict (member_id, year) do update set
      school = excluded.school, stage = excluded.stage, status = excluded.status,
      recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
};
