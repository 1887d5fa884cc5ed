import { manyLoader, oneLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionEntity } from './region.entity.js';

export function regionLoaders(em: EntityManager) {
  return {
    regionByCode: oneLoader(
      (codes: readonly string[]) => findRows(em, RegionEntity, { code: { $in: [...codes] } }),
      (r) => r.code,
    ),
    childrenByParent: manyLoader(
      (codes: readonly string[]) => findRows(em, RegionEntity, { parentCode: { $in: [...codes] } }, { code: 'asc' }),
      (r) => r.parentCode!,
    ),
  };
}
