import { manyLoader, oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionEntity } from './region.entity.js';

export function regionLoaders(em: EntityManager) {
  return {
    regionByCode: oneLoader(
      (codes: readonly string[]) => em.find(RegionEntity, { code: { $in: [...codes] } }),
      (r) => r.code,
    ),
    childrenByParent: manyLoader(
      (codes: readonly string[]) => em.find(RegionEntity, { parentCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (r) => r.parentCode!,
    ),
  };
}
