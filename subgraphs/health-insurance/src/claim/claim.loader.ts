import { manyLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byYear, type MemberYear } from '../member/member-year.js';
import { ClaimEntity } from './claim.entity.js';

export function claimLoaders(em: EntityManager) {
  return {
    /** Claims dated in a year, or in every year when the year is null; oldest first. */
    claimsByMemberYear: manyLoader(
      (keys: readonly MemberYear<number | null>[]) =>
        byYear(keys, async (year, memberIds) => {
          const dated = year === null ? {} : { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } };
          const rows = await em.find(ClaimEntity, { memberId: { $in: memberIds }, ...dated }, { orderBy: { memberId: 'asc', date: 'asc', recordedAt: 'asc' } });
          return rows.map((claim) => ({ key: { memberId: claim.memberId, year }, claim }));
        }),
      (r) => r.key,
      (k) => `${k.memberId}/${k.year ?? '*'}`,
    ),
  };
}
