import { memberYearLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SchoolingEntity } from './schooling.entity.js';

export function schoolingLoaders(em: EntityManager) {
  return {
    schoolingByMemberYear: memberYearLoader((year, memberIds) => findRows(em, SchoolingEntity, { year, memberId: { $in: memberIds } }), (r) => r.memberId),
  };
}
