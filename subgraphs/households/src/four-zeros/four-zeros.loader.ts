import { FiguresNotReadyError, type FourZerosKey, regionRange, REQUEST_REFRESH_LIMIT, rosterMemberIn, todayInChina, underFiguresLock } from '@fupin/kit';
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

/**
 * Statuses as of 31 December of the year, from the status history (append-only, in order):
 * a household's last entry effective on or before that day, whether it had been POOR by then
 * (registered poor, 建档立卡) and whether it had been LIFTED (a MONITORED household then counts
 * as lifted). A household with no entry by then was not registered yet; one REMOVED (清退, now
 * or then) counts nowhere.
 */
export const STATUS_AS_OF = `
  select (array_agg(s.status order by s.id desc))[1] as status, bool_or(s.status = 'POOR') as ever_poor, bool_or(s.status = 'LIFTED') as ever_lifted
    from household_status_change s where s.household_id = r.household_id and s.effective_date <= make_date(?::int, 12, 31)`;

/**
 * A village's figures for a year from its roster rows (people per household present on 31
 * December, then each household's status as of that day, looked up once per household): households, and people
 * by their household's status then. Poor = POOR or RELAPSED; registered = POOR at any time by
 * then; lifted = LIFTED, or MONITORED after having been LIFTED (domain.md, "The exit standard").
 */
const VILLAGE_FIGURES = (where: string, year: number) => `
  select ?::int as year, r.village_code, count(*) as households,
         coalesce(sum(r.people) filter (where h.status in ('POOR', 'RELAPSED')), 0) as poor_people,
         coalesce(sum(r.people) filter (where h.ever_poor), 0) as registered_people,
         coalesce(sum(r.people) filter (where h.ever_poor and (h.status = 'LIFTED' or (h.status = 'MONITORED' and h.ever_lifted))), 0) as lifted_people
    from (select r.household_id, min(r.village_code) as village_code, count(*) as people
            from roster r where r.household_status <> 'REMOVED' and ${rosterMemberIn('r', year)} and ${where} group by r.household_id) r
    cross join lateral (${STATUS_AS_OF}) h
   where h.status is not null and h.status <> 'REMOVED'
   group by r.village_code`;

/** Years a request asked for before they were built: the next upkeep builds them. */
export async function wantVillageFigures(em: EntityManager, years: readonly number[]): Promise<void> {
  for (const year of years) await em.getConnection().execute(`insert into village_figure_year (year) values (?) on conflict (year) do nothing`, [year]);
}

/**
 * Upkeep (`build`, at start and every few minutes): builds the year's village figures from the
 * whole roster when not built, then counts again each village marked since, in every year
 * built, under the figures' statement deadline. A request never builds (a year not built is
 * FIGURES_NOT_READY, and wanted for the next upkeep) and counts the marked villages first only
 * when they are few and no refresher holds the lock. Marks are taken before the villages are
 * counted, in one transaction: a change committed later is marked again and waits for the next.
 */
export async function refreshVillageFigures(em: EntityManager, year: number, build = true): Promise<void> {
  const conn = em.getConnection();
  const [state] = await conn.execute<{ built: boolean | null; marked: number }[]>(
    `select (select built from village_figure_year where year = ?) as built, (select count(*)::int from (select 1 from village_figure_stale limit ?) m) as marked`,
    [year, REQUEST_REFRESH_LIMIT + 1],
  );
  if (!build && !state!.built) {
    await wantVillageFigures(em, [year]);
    throw new FiguresNotReadyError();
  }
  if (state!.built && !state!.marked) return;
  if (!build && state!.marked > REQUEST_REFRESH_LIMIT) return;
  await underFiguresLock(em, VILLAGE_FIGURES_LOCK, build, async (q) => {
    if (build) await q(`insert into village_figure_year (year) values (?) on conflict (year) do nothing`, [year]);
    await q(`create temp table village_figure_refresh (village_code char(12) primary key) on commit drop`);
    await q(`with taken as (delete from village_figure_stale returning village_code) insert into village_figure_refresh select distinct village_code from taken`);
    for (const row of await q<{ year: number; built: boolean }>('select year, built from village_figure_year order by year for update')) {
      if (build && row.year === year && !row.built) {
        await q(`delete from village_figure where year = ?`, [row.year]);
        await q(`insert into village_figure ${VILLAGE_FIGURES('true', row.year)}`, [row.year, row.year]);
        await q(`update village_figure_year set built = true where year = ?`, [row.year]);
      } else if (row.built) {
        await q(`delete from village_figure where year = ? and village_code in (select village_code from village_figure_refresh)`, [row.year]);
        await q(`insert into village_figure ${VILLAGE_FIGURES('r.village_code in (select village_code from village_figure_refresh)', row.year)}`, [row.year, row.year]);
      }
    }
  });
}

/** Upkeep: the years a county office opens first (2020, this one) and every year a request wanted, one at a time. */
export async function warmVillageFigures(em: EntityManager): Promise<void> {
  const wanted = await em.getConnection().execute<{ year: number }[]>('select year from village_figure_year order by year');
  for (const year of new Set([2020, Number(todayInChina().slice(0, 4)), ...wanted.map((w) => w.year)])) await refreshVillageFigures(em, year);
}

/**
 * The registry's figures of every region and year a dashboard asks for: each year's village
 * figures made current, then summed by code range, with the rural population of the latest
 * year set up to it; one statement per year.
 */
export function fourZerosLoaders(em: EntityManager, upkeepNow: () => void) {
  return {
    registryFiguresByRegion: new DataLoader<FourZerosKey, RegistryFigures, string>(
      async (keys) => {
        const found = new Map<string, RegistryFigures>();
        const notReady = new Map<number, Error>();
        for (const year of new Set(keys.map((k) => k.year))) {
          try {
            await refreshVillageFigures(em, year, false);
          } catch (err) {
            // A year not built fails its own fields only, not those of a year built.
            if (!(err instanceof FiguresNotReadyError)) throw err;
            // The year is wanted: upkeep builds it now, in the background, rather than in ten minutes.
            upkeepNow();
            notReady.set(year, err);
            continue;
          }
          const codes = [...new Set(keys.filter((k) => k.year === year).map((k) => k.regionCode))];
          const ranges = codes.map((code) => ({ code, ...regionRange(code) }));
          const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
            `select g.code, coalesce(sum(f.households), 0) as households, coalesce(sum(f.poor_people), 0) as poor_people,
                    coalesce(sum(f.registered_people), 0) as registered_people, coalesce(sum(f.lifted_people), 0) as lifted_people,
                    (select p.rural_population from region_rural_population p where p.region_code = g.code and p.year <= ? order by p.year desc limit 1) as rural_population
               from (values ${ranges.map(() => '(?::text, ?::text, ?::text)').join(', ')}) as g(code, lo, hi)
               left join village_figure f on f.year = ? and f.village_code >= g.lo and f.village_code < g.hi
              group by g.code`,
            [year, ...ranges.flatMap((r) => [r.code, r.lo, r.hi]), year],
          );
          for (const r of rows) {
            found.set(`${String(r.code)}/${year}`, {
              code: String(r.code),
              households: Number(r.households),
              poorPeople: Number(r.poor_people),
              registeredPeople: Number(r.registered_people),
              liftedPeople: Number(r.lifted_people),
              ruralPopulation: r.rural_population === null ? null : Number(r.rural_population),
            });
          }
        }
        return keys.map((k) => notReady.get(k.year) ?? found.get(`${k.regionCode}/${k.year}`)!);
      },
      { cacheKeyFn: (k) => `${k.regionCode}/${k.year}` },
    ),
  };
}
