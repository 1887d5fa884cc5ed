import { memberYearListLoader, findRows } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GrantEntity } from './grant.entity.js';

export function grantLoaders(em: EntityManager) {
  return {
    /** Grants paid in a year, or in every year when the year is null; oldest first. */
    grantsByMemberYear: memberYearListLoader((year, memberIds) => {
      const paid = year === null ? {} : { paidOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
      return findRows(em, GrantEntity, { memberId: { $in: memberIds }, ...paid }, { memberId: 'asc', paidOn: 'asc', recordedAt: 'asc' });
    }, (g) => g.memberId),
  };
}
