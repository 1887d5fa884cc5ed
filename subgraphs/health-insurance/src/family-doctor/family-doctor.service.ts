import { BadUserInputError, type Caller, isRegistryYear, type Roster, assertWritableMember, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FamilyDoctorContractEntity } from './family-doctor.entity.js';
import type { SignFamilyDoctorContractInput } from './sign-family-doctor-contract.input.js';

export async function signFamilyDoctorContract(em: EntityManager, roster: Roster, input: SignFamilyDoctorContractInput, caller: Caller): Promise<FamilyDoctorContractEntity> {
  if (!isRegistryYear(input.year)) throw new BadUserInputError('year must be from 2014 to next year', { field: 'year' });
  const doctorTeam = input.doctorTeam.trim();
  if (doctorTeam.length < 1 || doctorTeam.length > 100) throw new BadUserInputError('doctorTeam must have 1 to 100 characters', { field: 'doctorTeam' });
  if (input.signedOn > todayInChina()) throw new BadUserInputError('signedOn must not be in the future', { field: 'signedOn' });
  // Contracts for a year are signed in it or in the autumn before.
  if (Number(input.signedOn.slice(0, 4)) > input.year) throw new BadUserInputError('signedOn is after the contract year', { field: 'signedOn' });
  const member = await roster.requireMember(em, input.memberId);
  assertWritableMember(caller, member);
  return em.upsert(FamilyDoctorContractEntity, {
    memberId: member.memberId,
    year: input.year,
    doctorTeam,
    signedOn: input.signedOn,
    recordedAt: new Date(),
    recordedBy: caller.subject,
  });
}
