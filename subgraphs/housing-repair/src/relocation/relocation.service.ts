import { type Caller, requirePastDate, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RelocationEntity } from './relocation.entity.js';
import type { RecordRelocationInput } from './record-relocation.input.js';

export async function recordRelocation(em: EntityManager, roster: Roster, input: RecordRelocationInput, caller: Caller): Promise<RelocationEntity> {
  requirePastDate(input.relocatedOn, 'relocatedOn');
  const site = requireText(input.site, 'site', 100);
  await roster.requireWritableHousehold(em, input.householdId, caller);
  const relocation = em.create(RelocationEntity, { householdId: input.householdId, site, relocatedOn: input.relocatedOn, recordedBy: caller.subject });
  await em.flush();
  return relocation;
}
