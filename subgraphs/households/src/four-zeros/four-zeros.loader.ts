import { FiguresNotReadyError, regionRange, REQUEST_REFRESH_LIMIT, underFiguresLock } from '@fupin/kit';
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

// One refresher at a time: a build, a refresh and a seed must not interleave.
export const VILLAGE_FIGURES_LOCK = 7_042_016;

/** A village's figures from its roster rows: a household is counted by its head, people by their household's status. */
const VILLAGE_FIGURES = (where: string) => `
  select village_code, count(*) filter (where is_head) as households,
         count(*) filter (where household_status in ('POOR', 'RELAPSED')) as poor_people,
         count(*) filter (where household_status <> 'MONITORED') as registered_people,
         count(*) filter (where household_status = 'LIFTED') as lifted_people
    from roster where ${where} group by village_code`;

/**
 * Upkeep (`build`, at start and every few minutes): builds the village figures from the whole
 * roster the first time, then counts again each village marked since, under the figures'
 * statement deadline. A request never builds (not built: FIGURES_NOT_READY) and counts the
 * marked villages first only when they are few and no refresher holds the lock. Marks are
 * taken before the villages are counted, in one transaction: a change committed later is
 * marked again and waits for the next.
 */
export async function refreshVillageFigures(em: EntityManager, build = true): Promise<void> {
  const conn = em.getConnection();
  const [state] = await conn.execute<{ built: boolean | null; marked: number }[]>(
    `select (select built from village_figure_state) as built, (select count(*)::int from (select 1 from village_figure_stale limit ?) m) as marked`,
    [REQUEST_REFRESH_LIMIT + 1],
  );
  if (!build && !state!.built) throw new FiguresNotReadyError();
  if (state!.built && !state!.marked) return;
  if (!build && state!.marked > REQUEST_REFRESH_LIMIT) return;
  await underFiguresLock(em, VILLAGE_FIGURES_LOCK, build, async (q) => {
    await q(`create temp table village_figure_refresh (village_code char(12) primary key) on commit drop`);
    await q(`with taken as (delete from village_figure_stale returning village_code) insert into village_figure_refresh select distinct village_code from taken`);
    const [{ built } = { built: false }] = await q<{ built: boolean }>(`select built from village_figure_state`);
    if (!built) {
      if (!build) return;
      await q(`delete from village_figure`);
      await q(`insert into village_figure ${VILLAGE_FIGURES('true')}`);
      await q(`insert into village_figure_state (built) values (true) on conflict (one) do update set built = true`);
    } else {
      await q(`delete from village_figure where village_code in (select village_code from village_figure_refresh)`);
      await q(`insert into village_figure ${VILLAGE_FIGURES('village_code in (select village_code from village_figure_refresh)')}`);
    }
  });
}

/** The registry's figures of every region a dashboard asks for: the village figures made current, then summed by code range. */
export function fourZerosLoaders(em: EntityManager) {
  return {
    registryFiguresByRegion: new DataLoader<string, RegistryFigures>(async (codes) => {
      await refreshVillageFigures(em, false);
      const ranges = codes.map((code) => ({ code, ...regionRange(code) }));
      const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
        `select g.code, coalesce(sum(f.households), 0) as households, coalesce(sum(f.poor_people), 0) as poor_people,
                coalesce(sum(f.registered_people), 0) as registered_people, coalesce(sum(f.lifted_people), 0) as lifted_people,
                min(p.rural_population) as rural_population
           from (values ${ranges.map(() => '(?::text, ?::text, ?::text)').join(', ')}) as g(code, lo, hi)
           left join region p on p.code = g.code
           left join village_figure f on f.village_code >= g.lo and f.village_code < g.hi
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
