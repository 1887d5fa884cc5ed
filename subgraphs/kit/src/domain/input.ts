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

// Control characters (NUL breaks PostgreSQL text; escapes garble terminals and exports) and
// bidirectional overrides (they make a name read as another on screen).
const UNPRINTABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Text refused as it was typed, made safe to record (the audit of a refusal quotes it). */
export const printable = (text: string) => text.replace(new RegExp(UNPRINTABLE.source, 'gu'), '\uFFFD');

/** Why free text a person typed is refused, or null: 1 to `max` characters once trimmed, nothing unprintable. */
export function textProblem(value: string, field: string, max: number): string | null {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) return `${field} must have 1 to ${max} characters`;
  if (UNPRINTABLE.test(trimmed)) return `${field} must not contain control or direction-override characters`;
  return null;
}

/** Free text a person typed: trimmed, 1 to `max` characters, nothing unprintable. */
export function requireText(value: string, field: string, max: number): string {
  const problem = textProblem(value, field, max);
  if (problem) throw new BadUserInputError(problem, { field });
  return value.trim();
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
