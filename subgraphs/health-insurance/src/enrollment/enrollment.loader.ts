import { oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EnrollmentEntity } from './enrollment.entity.js';
import { byYear, type MemberYear } from '../member/member-year.js';

export function enrollmentLoaders(em: EntityManager) {
  return {
    enrollmentByMemberYear: oneLoader(
      (keys: readonly MemberYear[]) => byYear(keys, (year, memberIds) => em.find(EnrollmentEntity, { year, memberId: { $in: memberIds } })),
      (e) => ({ memberId: e.memberId, year: e.year }),
      (k) => `${k.memberId}/${k.year}`,
    ),
  };
}
