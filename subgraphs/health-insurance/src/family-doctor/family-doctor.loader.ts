import { memberYearLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FamilyDoctorContractEntity } from './family-doctor.entity.js';

export function familyDoctorLoaders(em: EntityManager) {
  return {
    familyDoctorByMemberYear: memberYearLoader((year, memberIds) => findRows(em, FamilyDoctorContractEntity, { year, memberId: { $in: memberIds } }), (c) => c.memberId),
  };
}
