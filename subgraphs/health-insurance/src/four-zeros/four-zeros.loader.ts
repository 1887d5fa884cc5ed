import { regionCountLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

export function fourZerosLoaders(em: EntityManager) {
  let loader: ReturnType<typeof regionCountLoader> | undefined;
  return {
    /** The burden rule, counted in exact numeric: one statement for every region of a dashboard. */
    highMedicalBurdenCount: (limit: string) =>
      (loader ??= regionCountLoader((year, g) =>
        em.getConnection().execute<{ code: string; n: string }[]>(
          `select g.code, count(*) as n
             from ${g.sql} cross join lateral (
               select r.household_id from roster r join medical_claim c on c.member_id = r.member_id and c.date between ?::date and ?::date
                where r.village_code >= g.lo and r.village_code < g.hi
                group by r.household_id
               having sum(c.total_cost) > 0 and sum(c.out_of_pocket) > sum(c.total_cost) * ?::numeric) h
            group by g.code`,
          [...g.params, `${year}-01-01`, `${year}-12-31`, limit],
        ),
      )),
  };
}
