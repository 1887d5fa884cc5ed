import { householdYearListLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IndustrySupportEntity } from './industry-support.entity.js';

export function industrySupportLoaders(em: EntityManager) {
  return {
    /** A household's measures for a year, or for every year when the year is null; oldest first. */
    industrySupportByHouseholdYear: householdYearListLoader(
      (year, householdIds) =>
        findRows(em, IndustrySupportEntity, { householdId: { $in: householdIds }, ...(year === null ? {} : { year }) }, { householdId: 'asc', year: 'asc', recordedAt: 'asc' }),
      (s) => s.householdId,
    ),
  };
}
