import { type Caller, requirePastDate, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppraisalEntity } from './appraisal.entity.js';
import type { RecordAppraisalInput } from './record-appraisal.input.js';

export async function recordAppraisal(em: EntityManager, roster: Roster, input: RecordAppraisalInput, caller: Caller): Promise<AppraisalEntity> {
  requirePastDate(input.appraisedOn, 'appraisedOn');
  const appraiser = requireText(input.appraiser, 'appraiser', 100);
  await roster.requireWritableHousehold(em, input.householdId, caller);
  const appraisal = em.create(AppraisalEntity, { householdId: input.householdId, grade: input.grade, appraisedOn: input.appraisedOn, appraiser, recordedBy: caller.subject });
  await em.flush();
  return appraisal;
}
