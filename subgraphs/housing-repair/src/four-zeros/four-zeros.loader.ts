import { regionCountLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { housingStatusSql } from '../housing/housing.rule.js';

export function fourZerosLoaders(em: EntityManager) {
  return {
    /** The safe-housing rule as of 31 December, counted: one statement for every region of a dashboard. */
    unsafeHousingCount: regionCountLoader((year, g) =>
      em.getConnection().execute<{ code: string; n: string }[]>(
        `select g.code, count(*) filter (where s.unsafe_reason is not null) as n
           from ${g.sql} cross join lateral (${housingStatusSql('select distinct household_id from roster where village_code >= g.lo and village_code < g.hi')}) s
          group by g.code`,
        [...g.params, `${year}-12-31`],
      ),
    ),
  };
}
