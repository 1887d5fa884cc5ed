import { regionCountLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPULSORY_AGE } from '../schooling/school-age.js';
import { SchoolStatus } from '../schooling/schooling.enums.js';

export function fourZerosLoaders(em: EntityManager) {
  return {
    /** The dropout roster's rule, counted: one statement for every region of a dashboard. */
    dropoutCount: regionCountLoader((year, g) =>
      em.getConnection().execute<{ code: string; n: string }[]>(
        `select g.code, count(*) as n
           from ${g.sql} join roster r on r.village_code >= g.lo and r.village_code < g.hi
           left join schooling s on s.member_id = r.member_id and s.year = ?
          where r.birth_date > ?::date and r.birth_date <= ?::date and (s.member_id is null or s.status = '${SchoolStatus.DROPPED_OUT}')
          group by g.code`,
        [...g.params, year, `${year - COMPULSORY_AGE.to - 1}-08-31`, `${year - COMPULSORY_AGE.from}-08-31`],
      ),
    ),
  };
}
