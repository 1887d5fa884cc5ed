import { BadUserInputError, type Caller, requirePastDate, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimEntity } from './claim.entity.js';
import type { RecordClaimInput } from './record-claim.input.js';

const PARTS = ['basicPaid', 'criticalIllnessPaid', 'supplementaryPaid', 'assistancePaid'] as const;

export async function recordClaim(em: EntityManager, roster: Roster, input: RecordClaimInput, caller: Caller): Promise<ClaimEntity> {
  const hospital = requireText(input.hospital, 'hospital', 100);
  requirePastDate(input.date, 'date');
  if (input.totalCost < 0) throw new BadUserInputError('totalCost must not be negative', { field: 'totalCost' });
  for (const part of PARTS) if (input[part] < 0) throw new BadUserInputError(`${part} must not be negative`, { field: part });
  const paid = PARTS.reduce((sum, part) => sum + input[part], 0);
  if (paid > input.totalCost) throw new BadUserInputError('the parts paid by insurance and assistance add up to more than totalCost', { field: 'totalCost' });

  const member = await roster.requireWritableMember(em, input.memberId, caller);
  const claim = em.create(ClaimEntity, {
    memberId: member.memberId,
    date: input.date,
    hospital,
    kind: input.kind,
    totalCost: input.totalCost,
    basicPaid: input.basicPaid,
    criticalIllnessPaid: input.criticalIllnessPaid,
    supplementaryPaid: input.supplementaryPaid,
    assistancePaid: input.assistancePaid,
    oneStop: input.oneStop,
    recordedBy: caller.subject,
  });
  await em.flush();
  // Integer fen, the same figure the generated column holds.
  claim.outOfPocket = input.totalCost - paid;
  return claim;
}
