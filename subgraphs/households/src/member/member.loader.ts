import { manyLoader, oneLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberEntity } from './member.entity.js';

export function memberLoaders(em: EntityManager) {
  return {
    memberById: oneLoader(
      (ids: readonly string[]) => findRows(em, MemberEntity, { id: { $in: [...ids] } }),
      (m) => m.id,
    ),
    membersByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, MemberEntity, { householdId: { $in: [...ids] } }, { householdId: 'asc', position: 'asc' }),
      (m) => m.householdId,
    ),
  };
}
