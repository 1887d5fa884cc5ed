import { householdYearLoader, manyLoader, oneLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HouseholdEntity } from './household.entity.js';
import { IncomeEntity } from './income.entity.js';
import { StatusChangeEntity } from './status-change.entity.js';

export function householdLoaders(em: EntityManager) {
  return {
    householdById: oneLoader(
      (ids: readonly string[]) => findRows(em, HouseholdEntity, { id: { $in: [...ids] } }),
      (h) => h.id,
    ),
    incomeByYear: householdYearLoader((year, householdIds) => findRows(em, IncomeEntity, { year, householdId: { $in: householdIds } }), (i) => i.householdId),
    historyByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, StatusChangeEntity, { householdId: { $in: [...ids] } }, { id: 'asc' }),
      (c) => c.householdId,
    ),
  };
}
