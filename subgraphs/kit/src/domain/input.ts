import { BadUserInputError } from '../errors.js';
import { isRegistryYear } from './dates.js';

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
