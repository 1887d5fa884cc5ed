import { manyLoader, oneLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberEntity } from './member.entity.js';

export function memberLoaders(em: EntityManager) {
  return {
    memberById: oneLoader(
      (ids: readonly string[]) => findRows(em, MemberEntity, { id: { $in: [...ids] } }),
      (m) => m.id,
    ),
    /** Today's members: those who left stay as rows (and in `asOf` of earlier days), not here. */
    membersByHousehold: manyLoader(
      (ids: readonly string[]) => findRows(em, MemberEntity, { householdId: { $in: [...ids] }, leftOn: null }, { householdId: 'asc', position: 'asc' }),
      (m) => m.householdId,
    ),
  };
}
