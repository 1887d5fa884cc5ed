import type { EntityClass, EntityProperty } from '@mikro-orm/core';
import { CompiledQuery } from 'kysely';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A column's condition: equal to a value, one of a list, or within bounds. */
export type RowCondition = string | number | boolean | Date | null | { $in: readonly unknown[] | RowsQuery } | { $gte?: unknown; $gt?: unknown; $lte?: unknown; $lt?: unknown };

interface Plan {
  table: string;
  select: string;
  columns: Map<string, string>;
  convert: [string, (value: unknown) => unknown][];
}

const plans = new WeakMap<object, Plan>();
// The column's type decides what the driver hands over (a Date property may sit on a `date` column).
const isTimestamp = (p: EntityProperty) => /^timestamp/.test(String(p.columnTypes[0]));
// What the driver hands over as text: read as text, so that a read batched with others (as
// JSON) gives the same values, and numeric stays exact.
const isText = (p: EntityProperty) => isTimestamp(p) || /^(numeric|decimal|bigint|int8)/.test(String(p.columnTypes[0]));
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function planOf<T extends object>(em: EntityManager, entity: EntityClass<T>): Plan {
  const known = plans.get(entity);
  if (known) return known;
  const meta = em.getMetadata().get(entity);
  const props = meta.props.filter((p: EntityProperty) => p.persist !== false && p.fieldNames?.length === 1);
  const platform = em.getPlatform();
  const table = quote(meta.tableName);
  const plan: Plan = {
    table,
    select: props.map((p) => `${quote(p.fieldNames[0]!)}${isText(p) ? '::text' : ''} as ${quote(p.name)}`).join(', '),
    // Qualified: ORDER BY would otherwise sort by the select's text alias of the same name.
    columns: new Map(props.map((p) => [p.name, `${table}.${quote(p.fieldNames[0]!)}`])),
    // Values the way the entity would have them: custom types (FenType: numeric → integer
    // fen), and timestamps as Dates (the driver hands them over as text).
    convert: props.flatMap((p): [string, (value: unknown) => unknown][] => {
      if (p.customType && !isTimestamp(p)) return [[p.name, (v: unknown) => p.customType!.convertToJSValue(v, platform)]];
      if (isTimestamp(p)) return [[p.name, (v: unknown) => (v === null || v === undefined ? v : platform.parseDate(v as string))]];
      return [];
    }),
  };
  plans.set(entity, plan);
  return plan;
}

interface Read {
  sql: string;
  params: unknown[];
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (err: unknown) => void;
}

const pending = new WeakMap<EntityManager, Read[]>();

/**
 * Rows of a read, sent to PostgreSQL with every other read of the same request (the same
 * EntityManager) asked in the same turn of the event loop: one statement for all of them, each
 * read's rows aggregated as JSON in a column of its own. A request's loaders fire together
 * (a household's members, its income, its region; a department's roster check and its
 * records), so a subgraph answers with one statement where it sent one per loader.
 *
 * Values batched come through JSON: numbers, booleans, text and arrays as the driver gives
 * them. The driver gives numeric, bigint and timestamps as text: a read that needs those
 * exact casts them to text itself (findRows does). A lone read goes as it is. Every `?` in
 * the text is a parameter (no `?` operators or literals), and an ORDER BY of the read is kept.
 */
export function readRows<R extends Record<string, unknown> = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<R[]> {
  let batch = pending.get(em);
  if (!batch) {
    const reads: Read[] = [];
    pending.set(em, (batch = reads));
    // After this turn's promise jobs: every DataLoader of the request has dispatched by then.
    setImmediate(() => {
      pending.delete(em);
      void send(em, reads);
    });
  }
  return new Promise<R[]>((resolve, reject) => batch.push({ sql, params, resolve: resolve as Read['resolve'], reject }));
}

/**
 * A read with its values as bound parameters (`?` numbered `$1`...). MikroORM's `execute`
 * writes every value into the SQL text, which PostgreSQL then parses as literals each time:
 * a page of 150 members was 150 UUID literals per statement.
 */
async function query(em: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const connection = em.getConnection();
  // What MikroORM tells its onQuery hook for every statement (the tests count them there).
  em.config.get('onQuery')(sql, params);
  let n = 0;
  const numbered = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== params.length) throw new Error(`a read has ${n} placeholders for ${params.length} parameters`);
  const result = await connection.getClient().executeQuery(CompiledQuery.raw(numbered, params));
  return result.rows as Record<string, unknown>[];
}

async function sendAlone(em: EntityManager, read: Read): Promise<void> {
  try {
    read.resolve(await query(em, read.sql, read.params));
  } catch (err) {
    read.reject(err);
  }
}

// The statement ran out of time or the database went away: asking each read again would only
// wait (or fail) once more; every read gets the error.
const WHOLE_BATCH_ERROR = /^(57014|57P0[123]|08\d{3})$/;

async function send(em: EntityManager, reads: Read[]): Promise<void> {
  if (reads.length === 1) return sendAlone(em, reads[0]!);
  // json_agg reads each subquery in its order; the alias is one no column is named.
  const sql = `select ${reads.map((r, i) => `(select json_agg(read_row_) from (${r.sql}) read_row_) as r${i}`).join(', ')}`;
  let row: Record<string, Record<string, unknown>[] | null> | undefined;
  try {
    [row] = (await query(em, sql, reads.flatMap((r) => r.params))) as Record<string, Record<string, unknown>[] | null>[];
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && WHOLE_BATCH_ERROR.test(code)) {
      for (const r of reads) r.reject(err);
      return;
    }
    // Each read again on its own, so that an error (a bad cast, say) is the read's that caused it.
    await Promise.all(reads.map((r) => sendAlone(em, r)));
    return;
  }
  reads.forEach((r, i) => r.resolve(row?.[`r${i}`] ?? []));
}

/** A statement's text and parameters, to be read or to stand as a subquery in another (`$in`). */
export interface RowsQuery {
  sql: string;
  params: unknown[];
}

// The subqueries rowsQuery made: the only non-array a `$in` takes, so that a value from a
// request (a string, an object shaped like one) is never read as SQL text.
const subqueries = new WeakSet<RowsQuery>();

/** A column of an entity's rows, chosen as findRows would choose the rows: a subquery for `$in`. */
export function rowsQuery<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  column: keyof T & string,
  where: Partial<Record<keyof T & string, RowCondition>>,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
  limit?: number,
): RowsQuery {
  const plan = planOf(em, entity);
  const query = statement(plan, entity, where, orderBy, limit);
  const sub = { sql: `select ${plan.columns.get(column) ?? fail(entity, column)}${query.sql}`, params: query.params };
  subqueries.add(sub);
  return sub;
}

/** How many rows findRows would find, read with the request's other reads of the same turn. */
export async function countRows<T extends object>(em: EntityManager, entity: EntityClass<T>, where: Partial<Record<keyof T & string, RowCondition>>): Promise<number> {
  const plan = planOf(em, entity);
  const query = statement(plan, entity, where, {});
  if (query.none) return 0;
  const [row] = await readRows<{ n: number }>(em, `select count(*)::int as n${query.sql}`, query.params);
  return row?.n ?? 0;
}

const fail = (entity: { name: string }, prop: string): never => {
  throw new Error(`${entity.name} has no column for ${prop}`);
};

/** ` from ... where ... order by ... limit ...` and its parameters; `none` when a `$in` list is empty (no row can match). */
function statement(plan: Plan, entity: { name: string }, where: Record<string, RowCondition | undefined>, orderBy: Record<string, 'asc' | 'desc' | undefined>, limit?: number): RowsQuery & { none: boolean } {
  const params: unknown[] = [];
  const column = (prop: string) => plan.columns.get(prop) ?? fail(entity, prop);
  const conditions: string[] = [];
  let none = false;
  // No condition reads the whole table: a filter that came out empty (a missing key, an
  // emptied object) is a mistake to see, not a read of every household.
  if (!Object.keys(where).length) throw new Error(`${entity.name}: findRows needs a condition (none would read every row)`);
  for (const [prop, condition] of Object.entries(where) as [string, RowCondition | undefined][]) {
    if (condition === undefined) throw new Error(`${entity.name}.${prop}: findRows got no value (undefined) for it`);
    if (condition === null) {
      // As em.find reads it: no value, not a value nothing equals.
      conditions.push(`${column(prop)} is null`);
    } else if (typeof condition === 'object' && !(condition instanceof Date)) {
      // A condition this does not know would select more than asked (a jurisdiction range widened): refused.
      const unknown = Object.keys(condition).filter((op) => op !== '$in' && !BOUNDS.some(([b]) => b === op));
      if (unknown.length) throw new Error(`${entity.name}.${prop}: findRows knows no ${unknown.join(', ')}`);
      if (!Object.keys(condition).length) throw new Error(`${entity.name}.${prop}: findRows got an empty condition (it would match every row)`);
      if ('$in' in condition) {
        const list = condition.$in;
        if (!Array.isArray(list) && !subqueries.has(list as RowsQuery)) throw new Error(`${entity.name}.${prop}: $in takes an array (or a rowsQuery), not ${list === null ? 'null' : typeof list}`);
        if (Array.isArray(list)) {
          if (!list.length) none = true;
          // One array parameter, whatever its length: the same statement text for 1 or 150 keys.
          conditions.push(`${column(prop)} = any(?)`);
          params.push(list);
        } else {
          const sub = list as RowsQuery;
          conditions.push(`${column(prop)} in (${sub.sql})`);
          params.push(...sub.params);
        }
      } else {
        for (const [op, sign] of BOUNDS) {
          if (op in condition) {
            conditions.push(`${column(prop)} ${sign} ?`);
            params.push((condition as Record<string, unknown>)[op]);
          }
        }
      }
    } else {
      conditions.push(`${column(prop)} = ?`);
      params.push(condition);
    }
  }
  const order = Object.entries(orderBy).map(([prop, dir]) => `${column(prop)} ${dir === 'desc' ? 'desc' : 'asc'}`);
  if (limit !== undefined) params.push(limit);
  // Never without a condition (refused above).
  const sql = ` from ${plan.table} where ${conditions.join(' and ')}${order.length ? ` order by ${order.join(', ')}` : ''}${limit !== undefined ? ' limit ?' : ''}`;
  return { sql, params, none };
}

const BOUNDS = [
  ['$gte', '>='],
  ['$gt', '>'],
  ['$lte', '<='],
  ['$lt', '<'],
] as const;

/**
 * An entity's rows as plain objects with the entity's property names and types: one SQL
 * statement (with the request's other reads of the same turn: `readRows`), no identity map,
 * no hydration, no change tracking. For reads whose rows are only serialized (loaders behind
 * GraphQL fields), where MikroORM's entity machinery was about a third of a subgraph's CPU.
 * Never for rows that are changed and flushed.
 */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: Partial<Record<keyof T & string, RowCondition>>,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
  limit?: number,
): Promise<T[]> {
  const plan = planOf(em, entity);
  const query = statement(plan, entity, where, orderBy, limit);
  if (query.none) return [];
  const rows = await readRows(em, `select ${plan.select}${query.sql}`, query.params);
  if (plan.convert.length) for (const row of rows) for (const [prop, convert] of plan.convert) row[prop] = convert(row[prop]);
  return rows as unknown as T[];
}
