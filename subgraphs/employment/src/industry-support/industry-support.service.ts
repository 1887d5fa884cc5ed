import { BadUserInputError, type Caller, requireRegistryYear, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IndustrySupportEntity } from './industry-support.entity.js';
import type { RecordIndustrySupportInput } from './record-industry-support.input.js';

export async function recordIndustrySupport(em: EntityManager, roster: Roster, input: RecordIndustrySupportInput, caller: Caller): Promise<IndustrySupportEntity> {
  requireRegistryYear(input.year);
  if (input.amount < 0) throw new BadUserInputError('amount must not be negative', { field: 'amount' });
  const description = input.description === null || input.description === undefined ? null : requireText(input.description, 'description', 200);
  // NOT_FOUND, ROSTER_BEHIND (retryable) or FORBIDDEN outside the writer's jurisdiction.
  await roster.requireWritableHousehold(em, input.householdId, caller);
  const support = em.create(IndustrySupportEntity, { householdId: input.householdId, year: input.year, kind: input.kind, amount: input.amount, description, recordedBy: caller.subject });
  await em.flush();
  return support;
}
