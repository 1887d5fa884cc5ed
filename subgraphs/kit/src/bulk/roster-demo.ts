import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DemoOptions } from '../server/subgraph.js';
import { copyLine, copyPipelined, dropSecondaryIndexes, yieldToEventLoop } from './copy.js';
import { todayInChina } from '../domain/dates.js';
import { ProgressBar } from './progress.js';
import { figuresForBulkLoad } from '../four-zeros/figures.js';
import { Random } from './random.js';

/** One person as the registry's roster has them: what a department's demo records are made from. */
export interface RosterPerson {
  memberId: string;
  householdId: string;
  villageCode: string;
  birthDate: string;
  laborCapacity: string;
  healthStatus: string;
  householdType: string;
  householdStatus: string;
}

export type CopyValue = string | number | boolean | null;

/** Generated rows by table, each row's values in the order of that table's columns. */
export type GeneratedRows = Partial<Record<string, CopyValue[][]>>;

/**
 * A department's demo generator: what to make for one person and/or one household. The kit
 * reads the roster, pages, COPYs, counts and reports; rows get `recorded_by = 'demo'`.
 */
export interface RosterDemo<S = undefined> {
  /** The tables it fills (emptied first on every load) and the columns its rows give, in order. */
  tables: Record<string, readonly string[]>;
  /** Made once per load: what all rows share (calendars, id counters). */
  start?(seed: number): S;
  member?(person: RosterPerson, random: Random, shared: S): GeneratedRows;
  /** `members`: the household's members on the roster, by member id. */
  household?(members: readonly RosterPerson[], random: Random, shared: S): GeneratedRows;
}

/**
 * Row ids in ascending order (v4-shaped, counter first, the seed in the tail): a primary
 * key's B-tree is appended to instead of split at random, which matters at millions of rows.
 */
function ascendingIds(seed: number): () => string {
  const s = (seed >>> 0).toString(16).padStart(12, '0');
  const tail = `4${s.slice(0, 3)}-8${s.slice(3, 6)}-${s}`;
  let n = 0;
  return () => {
    const hex = (n++).toString(16).padStart(12, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8)}-${tail}`;
  };
}

/** Each year's dates (YYYY-MM-DD) up to `today`, made once for generators that pick millions of them. */
function daysOfYears(years: readonly number[], today: string): Map<number, string[]> {
  const days = new Map<number, string[]>();
  for (const year of years) {
    const list: string[] = [];
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (d <= today) list.push(d);
    }
    days.set(year, list);
  }
  return days;
}

/** What a department's demo records share: the years, their days up to today, row ids. */
export interface DemoCalendar {
  /** The campaign's last year (2020, when the exits were assessed) and this one. */
  years: number[];
  /** Each year's dates up to today. */
  days: Map<number, string[]>;
  /** Ids for event rows (claims, grants), ascending. */
  nextId(): string;
}

export function demoCalendar(seed: number, today = todayInChina()): DemoCalendar {
  const years = [2020, Number(today.slice(0, 4))];
  return { years, days: daysOfYears(years, today), nextId: ascendingIds(seed) };
}

const MEMBERS_PER_FETCH = 15_000;
const ROSTER_COLUMNS = `member_id as "memberId", household_id as "householdId", village_code as "villageCode", to_char(birth_date, 'YYYY-MM-DD') as "birthDate",
  labor_capacity as "laborCapacity", health_status as "healthStatus", household_type as "householdType", household_status as "householdStatus"`;

/** Each subgraph draws its own sequence from the same demo seed. */
const saltOf = (name: string) => createHash('sha256').update(name).digest().readUInt32LE(0);

/**
 * Loads a department's demo records for everyone on the roster through COPY, in one
 * transaction; earlier records are replaced (the registry they belonged to may have been
 * replaced too). The roster is read from the registry's database (`rosterUrl`): after a bulk
 * load the replica may still be catching up. The audit log is left as it is.
 */
export async function loadRosterDemo<S>(name: string, demo: RosterDemo<S>, options: DemoOptions): Promise<string | null> {
  const started = Date.now();
  const tables = Object.keys(demo.tables);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  const reader = new pg.Client({ connectionString: options.rosterUrl ?? options.databaseUrl });
  await client.connect();
  await reader.connect();
  try {
    await client.query('begin');
    if (options.onlyIfUnused) {
      const used = await client.query(`select 1 from audit_log union all ${tables.map((t) => `select 1 from ${t}`).join(' union all ')} limit 1`);
      if (used.rowCount) {
        await client.query('rollback');
        return null;
      }
    }
    await client.query('set local synchronous_commit = off');
    // The figures first, before its tables are locked: a refresh holding them reads the tables.
    const figures = await figuresForBulkLoad((sql) => client.query(sql), tables);
    await client.query(`truncate ${tables.join(', ')}`);
    // Its own tables, emptied: their keys are rebuilt once, after the rows are in.
    const rebuildIndexes = await dropSecondaryIndexes(client, tables, { primaryKeys: true });
    const total = Number((await reader.query<{ n: string }>('select count(*) as n from roster')).rows[0]!.n);
    const bar = options.progress ? new ProgressBar(`${name} records`, total, 'members') : null;
    const random = new Random(options.seed ^ saltOf(name));
    const shared = demo.start?.(options.seed) as S;
    const counts = Object.fromEntries(tables.map((t) => [t, 0]));
    // One ordered read of the whole roster through a cursor (one index walk, not one query
    // per page), cut into pages of whole households: a page's last household is held back
    // until the next fetch shows it has no more members.
    async function* pages() {
      await reader.query('begin isolation level repeatable read read only');
      await reader.query(`declare roster_pages no scroll cursor for select ${ROSTER_COLUMNS} from roster order by household_id, member_id`);
      let held: RosterPerson[] = [];
      for (;;) {
        const { rows } = await reader.query<RosterPerson>(`fetch ${MEMBERS_PER_FETCH} from roster_pages`);
        if (!rows.length) break;
        const all = held.length ? [...held, ...rows] : rows;
        const lastHousehold = all[all.length - 1]!.householdId;
        let cut = all.length;
        while (cut > 0 && all[cut - 1]!.householdId === lastHousehold) cut--;
        held = all.slice(cut);
        if (cut > 0) yield all.slice(0, cut);
      }
      if (held.length) yield held;
      await reader.query('commit');
    }
    await copyPipelined(
      client,
      pages(),
      async (rows) => {
        const lines: Record<string, string[]> = Object.fromEntries(tables.map((t) => [t, []]));
        const add = (generated: GeneratedRows) => {
          for (const [table, list] of Object.entries(generated)) {
            const target = lines[table];
            if (!target) throw new Error(`${name} demo made rows for ${table}, which its tables do not list`);
            for (const row of list ?? []) target.push(copyLine([...row, 'demo']));
          }
        };
        for (let start = 0, households = 0; start < rows.length; households++) {
          if (households % 300 === 0) await yieldToEventLoop();
          let end = start + 1;
          while (end < rows.length && rows[end]!.householdId === rows[start]!.householdId) end++;
          const members = rows.slice(start, end);
          if (demo.household) add(demo.household(members, random, shared));
          if (demo.member) for (const person of members) add(demo.member(person, random, shared));
          start = end;
        }
        for (const t of tables) counts[t]! += lines[t]!.length;
        return tables.map((t) => ({ target: `${t} (${[...demo.tables[t]!, 'recorded_by'].join(', ')})`, lines: lines[t]! }));
      },
      (rows) => bar?.tick(rows.length),
    );
    bar?.finish();
    await rebuildIndexes();
    await figures.enable();
    await client.query('commit');
    await client.query(`analyze ${tables.join(', ')}`);
    return `${name}: ${tables.map((t) => `${counts[t]} ${t}`).join(', ')} for ${total} members in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
    await reader.end();
  }
}
