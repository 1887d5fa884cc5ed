import { manyLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClaimEntity } from './claim.entity.js';

/** A year, or every year when null. */
export interface MemberClaims {
  memberId: string;
  year: number | null;
}

export function claimLoaders(em: EntityManager) {
  return {
    claimsByMemberYear: manyLoader(
      async (keys: readonly MemberClaims[]) => {
        const years = new Map<number | null, string[]>();
        for (const k of keys) years.set(k.year, [...(years.get(k.year) ?? []), k.memberId]);
        const parts = await Promise.all(
          [...years].map(async ([year, memberIds]) => {
            const rows = await em.find(
              ClaimEntity,
              { memberId: { $in: memberIds }, ...(year === null ? {} : { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }) },
              { orderBy: { memberId: 'asc', date: 'asc', recordedAt: 'asc' } },
            );
            return rows.map((claim) => ({ key: { memberId: claim.memberId, year }, claim }));
          }),
        );
        return parts.flat();
      },
      (r) => r.key,
      (k) => `${k.memberId}/${k.year ?? '*'}`,
    ),
  };
}
