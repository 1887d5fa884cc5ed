import { memberYearListLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TrainingEntity } from './training.entity.js';

export function trainingLoaders(em: EntityManager) {
  return {
    /** Trainings ended in a year, or in every year when the year is null; oldest first. */
    trainingsByMemberYear: memberYearListLoader((year, memberIds) => {
      const ended = year === null ? {} : { trainedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
      return findRows(em, TrainingEntity, { memberId: { $in: memberIds }, ...ended }, { memberId: 'asc', trainedOn: 'asc', recordedAt: 'asc' });
    }, (t) => t.memberId),
  };
}
