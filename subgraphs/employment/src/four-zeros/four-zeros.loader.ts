import { regionCountLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { householdEmploymentParams, householdEmploymentSql } from '../employment/employment.rule.js';

export function fourZerosLoaders(em: EntityManager) {
  return {
    /** By the one rule, set-based: one statement for every region of a dashboard. */
    zeroEmploymentCount: regionCountLoader((year, g) =>
      em.getConnection().execute<{ code: string; n: string }[]>(
        `select g.code, count(*) filter (where h.zero_employment) as n
           from ${g.sql} cross join lateral (${householdEmploymentSql('r.village_code >= g.lo and r.village_code < g.hi')}) h
          group by g.code`,
        [...g.params, ...householdEmploymentParams(year)],
      ),
    ),
  };
}
