import { oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byYear, type MemberYear } from '../member/member-year.js';
import { FamilyDoctorContractEntity } from './family-doctor.entity.js';

export function familyDoctorLoaders(em: EntityManager) {
  return {
    familyDoctorByMemberYear: oneLoader(
      (keys: readonly MemberYear[]) => byYear(keys, (year, memberIds) => em.find(FamilyDoctorContractEntity, { year, memberId: { $in: memberIds } })),
      (c) => ({ memberId: c.memberId, year: c.year }),
      (k) => `${k.memberId}/${k.year}`,
    ),
  };
}
