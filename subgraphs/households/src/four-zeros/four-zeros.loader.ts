import { regionRange } from '@fupin/kit';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface RegistryFigures {
  code: string;
  households: number;
  poorPeople: number;
  registeredPeople: number;
  liftedPeople: number;
  ruralPopulation: number | null;
}

/** The registry's figures of every region a dashboard asks for, in one statement. */
export function fourZerosLoaders(em: EntityManager) {
  return {
    registryFiguresByRegion: new DataLoader<string, RegistryFigures>(async (codes) => {
      const ranges = codes.map((code) => ({ code, ...regionRange(code) }));
      const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
        // Over the roster the registry publishes (a row per member with its household's village
        // and status): one scan, and a household is counted by its head, so no count(distinct).
        `select g.code, count(r.member_id) filter (where r.is_head) as households,
                count(r.member_id) filter (where r.household_status in ('POOR', 'RELAPSED')) as poor_people,
                count(r.member_id) filter (where r.household_status <> 'MONITORED') as registered_people,
                count(r.member_id) filter (where r.household_status = 'LIFTED') as lifted_people,
                min(p.rural_population) as rural_population
           from (values ${ranges.map(() => '(?::text, ?::text, ?::text)').join(', ')}) as g(code, lo, hi)
           left join region p on p.code = g.code
           left join roster r on r.village_code >= g.lo and r.village_code < g.hi
          group by g.code`,
        ranges.flatMap((r) => [r.code, r.lo, r.hi]),
      );
      const byCode = new Map(rows.map((r) => [String(r.code), r]));
      return codes.map((code) => {
        const r = byCode.get(code)!;
        return {
          code,
          households: Number(r.households),
          poorPeople: Number(r.poor_people),
          registeredPeople: Number(r.registered_people),
          liftedPeople: Number(r.lifted_people),
          ruralPopulation: r.rural_population === null ? null : Number(r.rural_population),
        };
      });
    }),
  };
}
