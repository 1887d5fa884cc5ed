import { BadUserInputError, type Caller, requireRegistryYear, requireText, type Roster, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FamilyDoctorContractEntity } from './family-doctor.entity.js';
import type { SignFamilyDoctorContractInput } from './sign-family-doctor-contract.input.js';

export async function signFamilyDoctorContract(em: EntityManager, roster: Roster, input: SignFamilyDoctorContractInput, caller: Caller): Promise<FamilyDoctorContractEntity> {
  requireRegistryYear(input.year);
  const doctorTeam = requireText(input.doctorTeam, 'doctorTeam', 100);
  if (input.signedOn > todayInChina()) throw new BadUserInputError('signedOn must not be in the future', { field: 'signedOn' });
  // Contracts for a year are signed in it or in the autumn before.
  const signedIn = Number(input.signedOn.slice(0, 4));
  if (signedIn > input.year) throw new BadUserInputError('signedOn is after the contract year', { field: 'signedOn' });
  if (signedIn < input.year - 1) throw new BadUserInputError('signedOn is more than a year before the contract year', { field: 'signedOn' });
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  return em.upsert(FamilyDoctorContractEntity, {
    memberId: member.memberId,
    year: input.year,
    doctorTeam,
    signedOn: input.signedOn,
    recordedAt: new Date(),
    recordedBy: caller.subject,
  });
}
