import { isIsoDate, pastDateProblem, textProblem } from '@fupin/kit';
import type { DepartmentImport } from '@fupin/kit/bulk';
import { AppraisalGrade } from './appraisal.enums.js';

interface AppraisalRow {
  appraisedOn: string;
  grade: AppraisalGrade;
  appraiser: string;
}

const GRADES = new Set<string>(Object.values(AppraisalGrade));

/**
 * An appraisal list (危房鉴定名单): `household_number,id_number,appraised_on,grade,appraiser`,
 * each household by its number or, where that is empty, its head's ID number. The checks are
 * the mutation's. Appraisals accumulate, but a list imported twice does not appraise twice:
 * an appraisal already recorded (same household, day and grade) is not written again.
 */
export const appraisalListImport: DepartmentImport<AppraisalRow> = {
  description: "house safety appraisals, by household number or the head's ID number",
  keyedBy: 'household',
  columns: ['appraised_on', 'grade', 'appraiser'],
  parse(row) {
    if (!isIsoDate(row.appraised_on!)) return 'appraised_on is a date YYYY-MM-DD';
    const date = pastDateProblem(row.appraised_on!, 'appraised_on');
    if (date) return date;
    if (!GRADES.has(row.grade!)) return `grade must be one of ${[...GRADES].join(', ')}`;
    const appraiser = row.appraiser!;
    const appraiserProblem = textProblem(appraiser, 'appraiser', 100);
    if (appraiserProblem) return appraiserProblem;
    return { appraisedOn: row.appraised_on!, grade: row.grade as AppraisalGrade, appraiser };
  },
  key: (r) => r.appraisedOn,
  staging: {
    columns: 'appraised_on date, grade text, appraiser text',
    values: (r) => [r.appraisedOn, r.grade, r.appraiser],
  },
  apply: `
    insert into appraisal (id, household_id, grade, appraised_on, appraiser, recorded_at, recorded_by)
    select gen_random_uuid(), m.household_id, m.grade, m.appraised_on, m.appraiser, now(), $1 from matched m
     where not exists (select 1 from appraisal a where a.household_id = m.household_id and a.appraised_on = m.appraised_on and a.grade = m.grade)`,
};
