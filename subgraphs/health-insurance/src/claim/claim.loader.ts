import { memberYearListLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimEntity } from './claim.entity.js';

export function claimLoaders(em: EntityManager) {
  return {
    /** Claims dated in a year, or in every year when the year is null; oldest first. */
    claimsByMemberYear: memberYearListLoader((year, memberIds) => {
      const dated = year === null ? {} : { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
      return findRows(em, ClaimEntity, { memberId: { $in: memberIds }, ...dated }, { memberId: 'asc', date: 'asc', recordedAt: 'asc' });
    }, (c) => c.memberId),
  };
}
