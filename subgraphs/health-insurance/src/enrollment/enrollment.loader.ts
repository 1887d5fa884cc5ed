import { memberYearLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EnrollmentEntity } from './enrollment.entity.js';

export function enrollmentLoaders(em: EntityManager) {
  return {
    enrollmentByMemberYear: memberYearLoader((year, memberIds) => findRows(em, EnrollmentEntity, { year, memberId: { $in: memberIds } }), (e) => e.memberId),
  };
}
