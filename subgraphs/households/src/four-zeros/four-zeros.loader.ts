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
        `select g.code, count(distinct h.id) as households,
                count(m.id) filter (where h.status in ('POOR', 'RELAPSED')) as poor_people,
                count(m.id) filter (where h.status <> 'MONITORED') as registered_people,
                count(m.id) filter (where h.status = 'LIFTED') as lifted_people,
                min(r.rural_population) as rural_population
           from (values ${ranges.map(() => '(?::text, ?::text, ?::text)').join(', ')}) as g(code, lo, hi)
           left join region r on r.code = g.code
           left join household h on h.village_code >= g.lo and h.village_code < g.hi
           left join member m on m.household_id = h.id
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
