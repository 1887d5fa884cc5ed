import { manyLoader, oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HouseholdEntity } from './household.entity.js';
import { IncomeEntity } from './income.entity.js';
import { StatusChangeEntity } from './status-change.entity.js';

export interface IncomeKey {
  householdId: string;
  year: number;
}

export function householdLoaders(em: EntityManager) {
  return {
    householdById: oneLoader(
      (ids: readonly string[]) => em.find(HouseholdEntity, { id: { $in: [...ids] } }),
      (h) => h.id,
    ),
    incomeByYear: oneLoader(
      (keys: readonly IncomeKey[]) =>
        em.find(IncomeEntity, {
          householdId: { $in: [...new Set(keys.map((k) => k.householdId))] },
          year: { $in: [...new Set(keys.map((k) => k.year))] },
        }),
      (i): IncomeKey => ({ householdId: i.householdId, year: i.year }),
      (k) => `${k.householdId}:${k.year}`,
    ),
    historyByHousehold: manyLoader(
      (ids: readonly string[]) => em.find(StatusChangeEntity, { householdId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (c) => c.householdId,
    ),
  };
}
