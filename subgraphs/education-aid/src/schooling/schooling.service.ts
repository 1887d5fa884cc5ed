import { BadUserInputError, type Caller, requireRegistryYear, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordSchoolingInput } from './record-schooling.input.js';
import { stageAgeProblem } from './school-age.js';
import { SchoolingEntity } from './schooling.entity.js';

export async function recordSchooling(em: EntityManager, roster: Roster, input: RecordSchoolingInput, caller: Caller): Promise<SchoolingEntity> {
  requireRegistryYear(input.year);
  const school = requireText(input.school, 'school', 100);
  // NOT_FOUND, ROSTER_BEHIND (retryable) or FORBIDDEN outside the writer's jurisdiction.
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  const stage = stageAgeProblem(input.stage, member.birthDate, input.year);
  if (stage) throw new BadUserInputError(stage, { field: 'stage' });
  // Recorded again for the same school year, it replaces: an update, never an error.
  return em.upsert(SchoolingEntity, {
    memberId: member.memberId,
    year: input.year,
    school,
    stage: input.stage,
    status: input.status,
    recordedAt: new Date(),
    recordedBy: caller.subject,
  });
}
