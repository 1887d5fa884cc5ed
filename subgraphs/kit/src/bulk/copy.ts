import type pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';

/** One row in COPY text format: backslash, tab, newline and return escaped; \N is null. */
export function copyLine(values: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = v === null || v === undefined ? '\\N' : String(v);
    // Most values need no escaping; testing first keeps bulk loads fast.
    line += (i ? '\t' : '') + (v !== null && v !== undefined && SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text);
  }
  return line + '\n';
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPYs lines into `target` ("table (columns)") in chunks of about 1 MB: few writes, bounded memory. */
export async function copyInto(client: pg.ClientBase, target: string, lines: readonly string[]): Promise<void> {
  if (!lines.length) return;
  const stream = client.query(copyFrom(`copy ${target} from stdin`));
  async function* chunks() {
    let buf = '';
    for (const l of lines) {
      buf += l;
      if (buf.length > 1_000_000) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(chunks()), stream);
}

/**
 * For bulk loads inside an open transaction: drops the tables' secondary indexes (not the
 * constraints' own) and returns what builds them again. Built once after the load (a sort)
 * instead of row by row (random B-tree inserts), several times faster at millions of rows;
 * a failed load rolls back to the indexes as they were.
 */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: readonly string[], options: { primaryKeys?: boolean } = {}): Promise<() => Promise<void>> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  // A primary key no foreign key points at is dropped too when asked: millions of rows in
  // random key order, inserted into a B-tree one by one, cost far more than one sorted build.
  const { rows: keys } = options.primaryKeys
    ? await client.query<{ name: string; tbl: string; def: string }>(
        `select c.conname as name, c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def from pg_constraint c
          where c.contype = 'p' and c.conrelid::regclass::text = any($1)
            and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)`,
        [tables],
      )
    : { rows: [] };
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  for (const key of keys) await client.query(`alter table ${key.tbl} drop constraint "${key.name}"`);
  return async () => {
    for (const key of keys) await client.query(`alter table ${key.tbl} add constraint "${key.name}" ${key.def}`);
    for (const index of indexes) await client.query(index.def);
  };
}

/** Lets pending I/O (a COPY streaming to the server) go on during long CPU work. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface CopyPart {
  /** "table (columns)" */
  target: string;
  lines: string[];
}

/**
 * A bulk load on two cores: the rows of batch N+1 are made here while the server ingests
 * batch N. `build` calls `yieldToEventLoop` now and then, so the COPY keeps streaming.
 */
export async function copyPipelined<B>(client: pg.ClientBase, batches: Iterable<B> | AsyncIterable<B>, build: (batch: B) => Promise<CopyPart[]>, copied?: (batch: B) => void): Promise<void> {
  let copying: Promise<void> = Promise.resolve();
  for await (const batch of batches) {
    const parts = await build(batch);
    await copying;
    copying = (async () => {
      for (const part of parts) await copyInto(client, part.target, part.lines);
      copied?.(batch);
    })();
    // Awaited at the next batch or the end; until then a failure must not count as unhandled.
    copying.catch(() => {});
  }
  await copying;
}
