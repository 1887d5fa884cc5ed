import { manyLoader, oneLoader, todayInChina, findRows, readRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppraisalEntity } from '../appraisal/appraisal.entity.js';
import { RelocationEntity } from '../relocation/relocation.entity.js';
import { RenovationEntity } from '../renovation/renovation.entity.js';
import { housingStatusSql, type HousingStatusRow } from './housing.rule.js';

export function housingLoaders(em: EntityManager) {
  return {
    /** Safe today or why not, by the one rule: one statement per batch of households. */
    housingStatusByHousehold: oneLoader(
      (ids: readonly string[]) =>
        readRows<HousingStatusRow>(em, housingStatusSql(`select unnest(string_to_array(?, ','))::uuid as household_id`), [ids.join(','), todayInChina()]),
      (r) => r.household_id,
    ),
    /** Each household's records, oldest first (the last is the latest): one statement per batch each. */
    appraisalsByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, AppraisalEntity, { householdId: { $in: [...ids] } }, { householdId: 'asc', appraisedOn: 'asc', recordedAt: 'asc' }),
      (a) => a.householdId,
    ),
    renovationsByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, RenovationEntity, { householdId: { $in: [...ids] } }, { householdId: 'asc', recordedAt: 'asc' }),
      (r) => r.householdId,
    ),
    relocationsByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, RelocationEntity, { householdId: { $in: [...ids] } }, { householdId: 'asc', relocatedOn: 'asc', recordedAt: 'asc' }),
      (r) => r.householdId,
    ),
  };
}
