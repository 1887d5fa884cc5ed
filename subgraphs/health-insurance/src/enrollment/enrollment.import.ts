import { parseYuan, fenToDecimal } from '@fupin/kit';
import { type DepartmentImport, parseCsvBoolean } from '@fupin/kit/bulk';
import { InsuranceScheme } from './enrollment.enums.js';
import { enrollmentProblem } from './enrollment.service.js';

interface EnrollmentRow {
  year: number;
  scheme: InsuranceScheme;
  premium: number;
  subsidy: number;
  criticalIllnessCover: boolean;
  supplementaryCover: boolean;
}

const SCHEMES = new Set<string>(Object.values(InsuranceScheme));

/**
 * The medical-insurance office's annual enrollment list (参保名单):
 * `id_number,year,scheme,premium,subsidy,critical_illness_cover,supplementary_cover`.
 * The checks are the mutation's; a matched row replaces the person's enrollment of the year.
 */
export const enrollmentImport: DepartmentImport<EnrollmentRow> = {
  description: 'basic medical insurance enrollment per person and year',
  columns: ['year', 'scheme', 'premium', 'subsidy', 'critical_illness_cover', 'supplementary_cover'],
  parse(row) {
    const year = Number(row.year);
    if (!SCHEMES.has(row.scheme!)) return `scheme must be one of ${[...SCHEMES].join(', ')}`;
    const premium = parseYuan(row.premium);
    const subsidy = parseYuan(row.subsidy);
    if (premium === null || subsidy === null) return 'premium and subsidy are yuan with at most two decimals';
    const critical = parseCsvBoolean(row.critical_illness_cover);
    const supplementary = parseCsvBoolean(row.supplementary_cover);
    if (critical === null || supplementary === null) return 'covers are true or false';
    const problem = enrollmentProblem({ year, premium, subsidy });
    if (problem) return problem.message;
    return { year, scheme: row.scheme as InsuranceScheme, premium, subsidy, criticalIllnessCover: critical, supplementaryCover: supplementary };
  },
  key: (r) => String(r.year),
  staging: {
    columns: 'year integer, scheme text, premium numeric(14,2), subsidy numeric(14,2), critical_illness_cover boolean, supplementary_cover boolean',
    values: (r) => [r.year, r.scheme, fenToDecimal(r.premium), fenToDecimal(r.subsidy), r.criticalIllnessCover, r.supplementaryCover],
  },
  apply: `
    insert into insurance_enrollment (member_id, year, scheme, premium, subsidy, critical_illness_cover, supplementary_cover, recorded_at, recorded_by)
    select member_id, year, scheme, premium, subsidy, critical_illness_cover, supplementary_cover, now(), $1 from matched
    on conflict (member_id, year) do update set
      scheme = excluded.scheme, premium = excluded.premium, subsidy = excluded.subsidy,
      critical_illness_cover = excluded.critical_illness_cover, supplementary_cover = excluded.supplementary_cover,
      recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
};
