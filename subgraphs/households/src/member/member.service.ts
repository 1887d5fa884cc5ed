import { BadUserInputError, type PersonalDataCipher, readIdNumber, todayInChina } from '@fupin/kit';
import { QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberEntity } from './member.entity.js';

/** A registered person by resident ID number, found through its blind index (numbers are stored sealed). */
export async function findMemberByIdNumber(em: EntityManager, pii: PersonalDataCipher, idNumber: string): Promise<MemberEntity | null> {
  const facts = readIdNumber(idNumber, todayInChina());
  if (typeof facts === 'string') throw new BadUserInputError(`idNumber ${facts}`, { field: 'idNumber' });
  // A person who moved has a row in each household they were in: the one they are in now, else the last.
  return em.findOne(MemberEntity, { idNumberIndex: pii.blindIndex(facts.idNumber) }, { orderBy: { leftOn: QueryOrder.DESC_NULLS_FIRST } });
}
