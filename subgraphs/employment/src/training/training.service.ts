import { BadUserInputError, type Caller, requirePastDate, requireText, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordTrainingInput } from './record-training.input.js';
import { TrainingEntity } from './training.entity.js';

/** Longer than a year of full-time study is not a skills course but a typing error. */
export const MAX_TRAINING_HOURS = 2000;

export async function recordTraining(em: EntityManager, roster: Roster, input: RecordTrainingInput, caller: Caller): Promise<TrainingEntity> {
  const course = requireText(input.course, 'course', 100);
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_TRAINING_HOURS) throw new BadUserInputError(`hours must be from 1 to ${MAX_TRAINING_HOURS}`, { field: 'hours' });
  const certificate = input.certificate === null || input.certificate === undefined ? null : requireText(input.certificate, 'certificate', 100);
  requirePastDate(input.trainedOn, 'trainedOn');
  const member = await roster.requireWritableMember(em, input.memberId, caller);
  const training = em.create(TrainingEntity, { memberId: member.memberId, course, hours: input.hours, certificate, trainedOn: input.trainedOn, recordedBy: caller.subject });
  await em.flush();
  return training;
}
