import { manyLoader, oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberEntity } from './member.entity.js';

export function memberLoaders(em: EntityManager) {
  return {
    memberById: oneLoader(
      (ids: readonly string[]) => em.find(MemberEntity, { id: { $in: [...ids] } }),
      (m) => m.id,
    ),
    membersByHousehold: manyLoader(
      (ids: readonly string[]) => em.find(MemberEntity, { householdId: { $in: [...ids] } }, { orderBy: { householdId: 'asc', position: 'asc' } }),
      (m) => m.householdId,
    ),
  };
}
