import { memberYearLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FamilyDoctorContractEntity } from './family-doctor.entity.js';

export function familyDoctorLoaders(em: EntityManager) {
  return {
    familyDoctorByMemberYear: memberYearLoader((year, memberIds) => em.find(FamilyDoctorContractEntity, { year, memberId: { $in: memberIds } }), (c) => c.memberId),
  };
}
