import { readFile } from 'node:fs/promises';
import { parseCsvLine } from '../bulk/csv.js';

/** An import's report as `line who PROBLEM detail` strings, by line: what a test compares. */
export async function importReportLines(reportPath: string): Promise<string[]> {
  return (await readFile(reportPath, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => parseCsvLine(l))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map((cells) => cells.filter((c) => c !== '').join(' '));
}
