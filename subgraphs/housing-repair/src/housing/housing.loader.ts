import { manyLoader, oneLoader, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppraisalEntity } from '../appraisal/appraisal.entity.js';
import { RelocationEntity } from '../relocation/relocation.entity.js';
import { RenovationEntity } from '../renovation/renovation.entity.js';
import { housingStatusSql, type HousingStatusRow } from './housing.rule.js';

export function housingLoaders(em: EntityManager) {
  const byHousehold = <T extends { householdId: string }>(entity: new () => T, orderBy: Record<string, 'asc'>) =>
    manyLoader((ids: readonly string[]) => em.find(entity, { householdId: { $in: [...ids] } } as never, { orderBy: { householdId: 'asc', ...orderBy } as never }), (r: T) => r.householdId);
  return {
    /** Safe today or why not, by the one rule: one statement per batch of households. */
    housingStatusByHousehold: oneLoader(
      (ids: readonly string[]) =>
        em.getConnection().execute<HousingStatusRow[]>(housingStatusSql(`select unnest(string_to_array(?, ','))::uuid as household_id`), [ids.join(','), todayInChina()]),
      (r) => r.household_id,
    ),
    appraisalsByHousehold: byHousehold(AppraisalEntity, { appraisedOn: 'asc', recordedAt: 'asc' }),
    renovationsByHousehold: byHousehold(RenovationEntity, { recordedAt: 'asc' }),
    relocationsByHousehold: byHousehold(RelocationEntity, { relocatedOn: 'asc', recordedAt: 'asc' }),
  };
}
