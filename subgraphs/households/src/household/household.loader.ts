import { householdYearLoader, manyLoader, oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HouseholdEntity } from './household.entity.js';
import { IncomeEntity } from './income.entity.js';
import { StatusChangeEntity } from './status-change.entity.js';

export function householdLoaders(em: EntityManager) {
  return {
    householdById: oneLoader(
      (ids: readonly string[]) => em.find(HouseholdEntity, { id: { $in: [...ids] } }),
      (h) => h.id,
    ),
    incomeByYear: householdYearLoader((year, householdIds) => em.find(IncomeEntity, { year, householdId: { $in: householdIds } }), (i) => i.householdId),
    historyByHousehold: manyLoader(
      (ids: readonly string[]) => em.find(StatusChangeEntity, { householdId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (c) => c.householdId,
    ),
  };
}
