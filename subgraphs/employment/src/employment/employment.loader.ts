import { memberYearLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmploymentEntity } from './employment.entity.js';

export function employmentLoaders(em: EntityManager) {
  return {
    employmentByMemberYear: memberYearLoader((year, memberIds) => findRows(em, EmploymentEntity, { year, memberId: { $in: memberIds } }), (r) => r.memberId),
  };
}
