import { BadUserInputError } from '../errors.js';
import { FIRST_REGISTRY_YEAR, isRegistryYear, todayInChina } from './dates.js';

/** Why a year is refused, or null: registry records run from 2014 to next year. */
export function registryYearProblem(year: number): string | null {
  return isRegistryYear(year) ? null : 'must be from 2014 to next year';
}

export function requireRegistryYear(year: number, field = 'year'): number {
  const problem = registryYearProblem(year);
  if (problem) throw new BadUserInputError(`${field} ${problem}`, { field });
  return year;
}

/** Free text a person typed: trimmed, 1 to `max` characters. */
export function requireText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw new BadUserInputError(`${field} must have 1 to ${max} characters`, { field });
  return trimmed;
}

/** Why the day something happened is refused, or null: not in the future (China time), not before 2014. */
export function pastDateProblem(date: string, field: string, today = todayInChina()): string | null {
  if (date > today) return `${field} must not be in the future`;
  if (date < `${FIRST_REGISTRY_YEAR}-01-01`) return `${field} must be in ${FIRST_REGISTRY_YEAR} or later`;
  return null;
}

export function requirePastDate(date: string, field: string): string {
  const problem = pastDateProblem(date, field);
  if (problem) throw new BadUserInputError(problem, { field });
  return date;
}
