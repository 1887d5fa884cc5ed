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
