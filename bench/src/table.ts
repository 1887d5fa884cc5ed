import { cpus } from 'node:os';

/** A benchmark's result as a Markdown table, with the machine it ran on. */
export function printTable(title: string, embedded: boolean | null, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title} (${embedded === null ? 'no database' : embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}, ${cpus().length} cores)`);
  console.log(fmt(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(fmt(r));
}

export const n = (x: number) => Math.round(x).toLocaleString('en');
