import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { todayInChina } from '../domain/dates.js';
import { regionCountLoader } from './four-zeros.js';
import { HubError } from '../errors.js';
import { COUNTED_ROSTER } from '../roster/work-list.js';

/** A rule's roster filter with the households that count (not REMOVED) in front. */
const counted = (where: string) => `${COUNTED_ROSTER} and (${where})`;

/**
 * A department's four-zeros count (四个清零), kept per household and year so that a province's
 * dashboard reads an index over village codes instead of running the rule over a million
 * households. The rule stays the one the coverage and the work lists read; the figures are
 * what it said. A year is built by upkeep only, one year at a time, each build under its own
 * statement deadline; a request never builds (a year not built is FIGURES_NOT_READY) and
 * refreshes at most a few marked households before it counts.
 */
export interface FourZerosFigure {
  /**
   * One row per household it counts for the year — `household_id`, `village_code`, `n` (how
   * many: 1 for a household-level gap, the members for a member-level one; rows with `n` 0 are
   * left out) — over the roster rows `r` that match `where` (SQL without parameters).
   */
  rule(year: number, where: string, settings: Record<string, unknown>): { sql: string; params: unknown[] };
  /**
   * The department's tables whose rows change a count, each with the column naming its member
   * or household: a trigger on each marks the household for refreshing.
   */
  sources: Record<string, 'member_id' | 'household_id'>;
}

const TABLES = ['four_zeros_figure', 'four_zeros_year', 'four_zeros_stale'] as const;

/**
 * The figures' tables, and the roster replica's triggers: a household the registry changes
 * (a member born, moved, a labor capacity re-assessed) is marked too, and a roster emptied
 * (a registry seeded again) leaves no year built. They fire under logical replication
 * (`enable always`), whose worker runs with an empty search path. Every change is marked,
 * also before any year is built: a change in flight while a year is first built would
 * otherwise be missed by it and by the marks.
 */
export class Migration20261202190000_four_zeros_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table four_zeros_year (
      year int primary key,
      fingerprint text not null,
      built boolean not null default false)`);
    // A log with no key: writers append and never wait on each other. A department's record
    // names its member, whose household is looked up when the mark is taken (a member who
    // moved meanwhile is counted where they are).
    this.addSql(`create table four_zeros_stale (household_id uuid, member_id uuid, check (household_id is not null or member_id is not null))`);
    this.addSql(`create table four_zeros_figure (
      year int not null,
      household_id uuid not null,
      village_code char(12) not null,
      n int not null check (n > 0),
      primary key (year, household_id))`);
    this.addSql(`create index four_zeros_figure_village_idx on four_zeros_figure (year, village_code) include (n)`);
    this.addSql(`create function four_zeros_roster_changed() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then insert into public.four_zeros_stale (household_id) values (old.household_id); end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.household_id <> old.household_id) then
          insert into public.four_zeros_stale (household_id) values (new.household_id);
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger four_zeros_stale after insert or update or delete on roster for each row execute function four_zeros_roster_changed()`);
    this.addSql(`alter table roster enable always trigger four_zeros_stale`);
    this.addSql(`create function four_zeros_roster_emptied() returns trigger language plpgsql as $$
      begin
        update public.four_zeros_year set built = false;
        return null;
      end $$`);
    this.addSql(`create trigger four_zeros_emptied after truncate on roster for each statement execute function four_zeros_roster_emptied()`);
    this.addSql(`alter table roster enable always trigger four_zeros_emptied`);
    // A department's own table: its row names a member or a household.
    this.addSql(`create function four_zeros_record_changed() returns trigger language plpgsql as $$
      begin
        if tg_argv[0] = 'member_id' then
          if tg_op <> 'INSERT' then insert into public.four_zeros_stale (member_id) values (old.member_id); end if;
          if tg_op <> 'DELETE' then insert into public.four_zeros_stale (member_id) values (new.member_id); end if;
        else
          if tg_op <> 'INSERT' then insert into public.four_zeros_stale (household_id) values (old.household_id); end if;
          if tg_op <> 'DELETE' then insert into public.four_zeros_stale (household_id) values (new.household_id); end if;
        end if;
        return null;
      end $$`);
  }
}

export const FOUR_ZEROS_FIGURES_MIGRATION = { name: 'Migration20261202190000_four_zeros_figures', class: Migration20261202190000_four_zeros_figures };

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad table name ${name}`);
  return name;
};

/** Each source table's trigger, (re)attached when the department starts, as the owner. */
export async function attachFigureSources(em: EntityManager, figure: FourZerosFigure): Promise<void> {
  const conn = em.getConnection();
  for (const [table, by] of Object.entries(figure.sources)) {
    await conn.execute(
      `create or replace trigger four_zeros_stale after insert or update or delete on ${identifier(table)}
         for each row execute function four_zeros_record_changed('${by === 'member_id' ? 'member_id' : 'household_id'}')`,
    );
  }
}

/** A request for figures not built yet: upkeep builds them (a year at a time); asked again later, it is answered. */
export class FiguresNotReadyError extends HubError {
  constructor() {
    super('the figures of this year are not built yet; they are being built, ask again in a few minutes', 'FIGURES_NOT_READY', { retryable: true });
  }
}

export const DEFAULT_FIGURES_STATEMENT_TIMEOUT_MS = 120_000;

/** A build's statement deadline (`FUPIN_FIGURES_STATEMENT_TIMEOUT_MS`): a rule gone wrong ends, and the next upkeep tries again. */
export function figuresStatementTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS;
  if (given === undefined || given === '') return DEFAULT_FIGURES_STATEMENT_TIMEOUT_MS;
  const ms = Number(given);
  if (!Number.isInteger(ms) || ms < 1 || ms > 3_600_000) throw new Error(`FUPIN_FIGURES_STATEMENT_TIMEOUT_MS must be whole milliseconds from 1 to 3600000 (got ${given})`);
  return ms;
}

/** More marked households than this are refreshed by upkeep, not before a request's count (which then reads the figures as they stand). */
export const REQUEST_REFRESH_LIMIT = 500;

/** A statement inside a refresh's transaction (`?` placeholders). */
export type FiguresQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs a build or refresh of figures in a transaction of its own (a fork: the counts of one
 * request, two levels of a dashboard, refresh side by side) holding the refreshers' `lock`.
 * Upkeep (`wait`) waits for the lock and runs under the figures' own statement deadline
 * (`FUPIN_FIGURES_STATEMENT_TIMEOUT_MS`); a request tries the lock once, under its own serving
 * deadline, and is told (false) when another holds it rather than queue behind a build.
 */
export async function underFiguresLock(em: EntityManager, lock: number, wait: boolean, work: (q: FiguresQuery) => Promise<void>): Promise<boolean> {
  const conn = em.getConnection();
  return em.fork().transactional(async (tx) => {
    const q: FiguresQuery = (sql, params = []) => conn.execute(sql, params, 'all', tx.getTransactionContext());
    if (wait) {
      await q(`set local statement_timeout = ${figuresStatementTimeoutMs()}`);
      await q('select pg_advisory_xact_lock(?)', [lock]);
    } else if ((await q<{ taken: boolean }>('select pg_try_advisory_xact_lock(?) as taken', [lock]))[0]?.taken !== true) return false;
    await work(q);
    return true;
  });
}

// One refresher at a time per database: a build, a refresh and a bulk load must not interleave.
const FIGURES_LOCK = 7_042_015;

/**
 * For a bulk load that replaces a department's records: its triggers off for the load (a
 * million rows would mark every household one by one) and every year's figures dropped, to
 * be built again on the next ask. Inside the load's transaction, after the refreshers (the
 * same lock, so the tables are locked in one order); `enable` before it commits.
 */
export async function figuresForBulkLoad(query: (sql: string) => Promise<unknown>, tables: readonly string[]): Promise<{ enable(): Promise<void> }> {
  const exists = (await query(`select to_regclass('four_zeros_year') is not null as yes`)) as { rows: { yes: boolean }[] };
  if (!exists.rows[0]?.yes) return { enable: async () => {} };
  await query(`select pg_advisory_xact_lock(${FIGURES_LOCK})`);
  await query(`truncate ${TABLES.join(', ')}`);
  for (const t of tables) await query(`alter table ${identifier(t)} disable trigger user`);
  return {
    enable: async () => {
      for (const t of tables) await query(`alter table ${identifier(t)} enable trigger user`);
    },
  };
}

/** What the rule was for a year (its SQL and parameters, settings included): figures of another rule are rebuilt. */
const fingerprintOf = (figure: FourZerosFigure, year: number, settings: Record<string, unknown>) =>
  createHash('sha256').update(JSON.stringify(figure.rule(year, counted('true'), settings))).digest('hex');

/**
 * Upkeep (`build`): makes the year's figures current, built (the rule over every household)
 * when wanted or after the rule changed, then refreshed for the households marked since, in
 * every year already built. A request (not `build`): a year not built is FIGURES_NOT_READY
 * (and wanted, for the next upkeep); a built one is refreshed first only when few households
 * are marked and no refresher holds the lock, else counted as it stands. Marked households
 * are taken first and their figures recomputed after, in one transaction: a change committed
 * later is marked again and waits for the next.
 */
export async function refreshFigures(em: EntityManager, figure: FourZerosFigure, year: number, settings: Record<string, unknown>, build = true): Promise<void> {
  const conn = em.getConnection();
  const fingerprint = fingerprintOf(figure, year, settings);
  const [state] = await conn.execute<{ ready: boolean | null; marked: number }[]>(
    `select (select built and fingerprint = ? from four_zeros_year where year = ?) as ready, (select count(*)::int from (select 1 from four_zeros_stale limit ?) m) as marked`,
    [fingerprint, year, REQUEST_REFRESH_LIMIT + 1],
  );
  if (!build && !state!.ready) {
    await wantFigures(em, [year]);
    throw new FiguresNotReadyError();
  }
  if (state!.ready && !state!.marked) return;
  if (!build && state!.marked > REQUEST_REFRESH_LIMIT) return;
  await underFiguresLock(em, FIGURES_LOCK, build, async (q) => {
    if (build) {
      await q(
        `insert into four_zeros_year (year, fingerprint) values (?, ?)
         on conflict (year) do update set fingerprint = excluded.fingerprint, built = false where four_zeros_year.fingerprint <> excluded.fingerprint`,
        [year, fingerprint],
      );
    }
    await q(`create temp table four_zeros_refresh (household_id uuid primary key) on commit drop`);
    const [{ n: marked } = { n: 0 }] = await q<{ n: number }>(
      `with taken as (delete from four_zeros_stale returning household_id, member_id),
            added as (insert into four_zeros_refresh
                      select distinct coalesce(t.household_id, r.household_id) from taken t left join roster r on r.member_id = t.member_id
                       where coalesce(t.household_id, r.household_id) is not null
                      returning 1)
       select count(*)::int as n from added`,
    );
    if (marked) await q('analyze four_zeros_refresh');
    const fill = async (y: number, where: string) => {
      const rule = figure.rule(y, counted(where), settings);
      await q(`insert into four_zeros_figure (year, household_id, village_code, n) select ?::int, c.household_id, c.village_code, c.n from (${rule.sql}) c where c.n > 0`, [y, ...rule.params]);
    };
    for (const row of await q<{ year: number; fingerprint: string; built: boolean }>('select year, fingerprint, built from four_zeros_year order by year for update')) {
      if (build && row.year === year && !row.built) {
        await q('delete from four_zeros_figure where year = ?', [row.year]);
        await fill(row.year, 'true');
        await q('update four_zeros_year set built = true where year = ?', [row.year]);
      } else if (row.built && row.fingerprint !== fingerprintOf(figure, row.year, settings)) {
        // Another year's rule changed (a setting): built again by the next upkeep.
        await q('update four_zeros_year set built = false where year = ?', [row.year]);
      } else if (row.built && marked) {
        await q('delete from four_zeros_figure where year = ? and household_id in (select household_id from four_zeros_refresh)', [row.year]);
        await fill(row.year, 'r.household_id in (select household_id from four_zeros_refresh)');
      }
    }
  });
}

/** Years a request asked for before they were built: the next upkeep builds them. */
export async function wantFigures(em: EntityManager, years: readonly number[]): Promise<void> {
  for (const year of years) await em.getConnection().execute(`insert into four_zeros_year (year, fingerprint) values (?, '') on conflict (year) do nothing`, [year]);
}

/**
 * Upkeep, at start and every few minutes: the years a county office opens first (2020, the
 * year the exits were assessed, and this one) and every year a request wanted, built one at a
 * time (each in its own transaction, under the figures' statement deadline); then the marks of
 * a department nobody reads dashboards of, taken before they pile up.
 */
export async function warmFigures(em: EntityManager, figure: FourZerosFigure, settings: Record<string, unknown>): Promise<void> {
  // Every year kept: a built one costs one read, one wanted or whose rule changed is built.
  const wanted = await em.getConnection().execute<{ year: number }[]>('select year from four_zeros_year order by year');
  for (const year of new Set([2020, Number(todayInChina().slice(0, 4)), ...wanted.map((w) => w.year)])) await refreshFigures(em, figure, year, settings);
}

/**
 * A department's count for every region a dashboard asks, from the figures: the year's made
 * current, then one index read over village codes for all regions.
 */
export function figureCountLoader(em: EntityManager, figure: FourZerosFigure, settings: Record<string, unknown>, wanted: () => void = () => {}) {
  return regionCountLoader(async (year, g) => {
    try {
      await refreshFigures(em, figure, year, settings, false);
    } catch (err) {
      // The year is listed: upkeep starts now, in the background, rather than in ten minutes.
      if (err instanceof FiguresNotReadyError) wanted();
      throw err;
    }
    return em.getConnection().execute<{ code: string; n: string }[]>(
      `select g.code, coalesce(sum(f.n), 0) as n
         from ${g.sql} left join four_zeros_figure f on f.year = ? and f.village_code >= g.lo and f.village_code < g.hi
        group by g.code`,
      [...g.params, year],
    );
  });
}
