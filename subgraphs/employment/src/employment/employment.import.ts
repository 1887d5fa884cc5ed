import { fenToDecimal, parseYuan, registryYearProblem } from '@fupin/kit';
import type { DepartmentImport } from '@fupin/kit/bulk';
import { EmploymentStatus } from './employment.enums.js';
import { WORKING_AGE } from './employment.rule.js';
import { employmentProblem } from './employment.service.js';

interface MigrantWorkerRow {
  year: number;
  status: EmploymentStatus;
  monthsWorked: number;
  monthlyIncome: number;
  employer: string | null;
}

const STATUSES = new Set<string>(Object.values(EmploymentStatus));

/**
 * The annual migrant-worker list (外出务工人员名单) the employment bureau collects:
 * `id_number,year,status,months_worked,monthly_income,employer` (employer may be empty). The
 * checks are the mutation's, the age against the registry's birth date included; a matched row
 * replaces the person's record of the year.
 */
export const migrantWorkerImport: DepartmentImport<MigrantWorkerRow> = {
  description: 'employment per person and year (the migrant-worker list)',
  columns: ['year', 'status', 'months_worked', 'monthly_income', 'employer'],
  parse(row) {
    const year = Number(row.year);
    const problem = registryYearProblem(year);
    if (problem) return `year ${problem}`;
    if (!STATUSES.has(row.status!)) return `status must be one of ${[...STATUSES].join(', ')}`;
    const monthsWorked = /^\d{1,2}$/.test(row.months_worked!) ? Number(row.months_worked) : -1;
    if (monthsWorked < 0 || monthsWorked > 12) return 'months_worked must be from 0 to 12';
    const monthlyIncome = parseYuan(row.monthly_income);
    if (monthlyIncome === null) return 'monthly_income is yuan with at most two decimals';
    if (monthlyIncome < 0) return 'monthly_income must not be negative';
    const record = { status: row.status as EmploymentStatus, monthsWorked, monthlyIncome };
    const invalid = employmentProblem(record);
    if (invalid) return invalid.message;
    const employer = row.employer!.trim();
    if (employer.length > 100) return 'employer must have at most 100 characters';
    return { year, ...record, employer: employer || null };
  },
  key: (r) => String(r.year),
  staging: {
    columns: 'year integer, status text, months_worked integer, monthly_income numeric(14,2), employer text',
    values: (r) => [r.year, r.status, r.monthsWorked, fenToDecimal(r.monthlyIncome), r.employer],
  },
  check: `case when s.year - extract(year from r.birth_date)::int < ${WORKING_AGE.from}
               then 'the member is ' || (s.year - extract(year from r.birth_date)::int) || ' on 31 December ' || s.year || '; employment is recorded from age ${WORKING_AGE.from}' end`,
  apply: `
    insert into employment (member_id, year, status, months_worked, monthly_income, employer, recorded_at, recorded_by)
    select member_id, year, status, months_worked, monthly_income, employer, now(), $1 from matched
    on conflict (member_id, year) do update set
      status = excluded.status, months_worked = excluded.months_worked, monthly_income = excluded.monthly_income,
      employer = excluded.employer, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
};
