import { BadUserInputError, pastDateProblem } from '@fupin/kit';
import type { HouseholdEntity } from './household.entity.js';

/**
 * The effective date of a registry change: not in the future (China time), not before the
 * household was identified (1 January of its year), and not before `notBefore` (the last change
 * of what it changes, or the day the member joined), so each history stays in date order.
 */
export function requireUpkeepDate(date: string, household: HouseholdEntity, notBefore: { date: string | null; what: string } | null = null): string {
  const problem = pastDateProblem(date, 'effectiveDate');
  if (problem) throw new BadUserInputError(problem, { field: 'effectiveDate' });
  if (date < `${household.identifiedYear}-01-01`) throw new BadUserInputError(`effectiveDate is before the household was identified (${household.identifiedYear})`, { field: 'effectiveDate' });
  if (notBefore?.date && date < notBefore.date) throw new BadUserInputError(`effectiveDate is before ${notBefore.what} (${notBefore.date})`, { field: 'effectiveDate' });
  return date;
}
