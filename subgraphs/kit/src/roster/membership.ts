import { requireRegistryYear } from '../domain/input.js';

/**
 * SQL that holds for a roster row (alias `r`) whose member was in the household at the end of
 * `date` (a `date` SQL expression): joined on or before that day, not yet left. A member who
 * left on a day is gone at its end (a death on 3 March: not there at the end of 3 March).
 */
export function rosterMemberOn(alias: string, date: string): string {
  return `((${alias}.joined_on is null or ${alias}.joined_on <= ${date}) and (${alias}.left_on is null or ${alias}.left_on > ${date}))`;
}

/**
 * The rule for year Y reads the household as of 31 December of Y: a member who joined later or
 * left earlier does not count. The year is checked (an integer of the registry's range) and
 * written into the SQL, so every statement of every department gains no parameter to misplace.
 */
export function rosterMemberIn(alias: string, year: number): string {
  requireRegistryYear(year);
  return rosterMemberOn(alias, `date '${year}-12-31'`);
}

/** Members present today (China time): today's lists and the current household. */
export function rosterMemberNow(alias: string): string {
  return rosterMemberOn(alias, `(now() at time zone 'Asia/Shanghai')::date`);
}
