import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendAuditWithClient } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import { ProgressBar } from '../cli/progress.js';
import { todayInChina } from '../domain/dates.js';
import { maskIdNumber, readIdNumber } from '../domain/id-number.js';
import type { PersonalDataCipher } from '../domain/personal-data.js';
import { copyLine, parseCsvLine } from './csv.js';

/**
 * A department's annual list keyed by resident ID number (信息比对). The kit reads, checks,
 * matches against the roster and reports; the department says what a row holds and where
 * matched rows go.
 */
export interface DepartmentImport<R> {
  description: string;
  /** CSV header columns beside `id_number`. */
  columns: readonly string[];
  /** A row's values, or why the row is invalid. */
  parse(row: Record<string, string>): R | string;
  /** One row per person and this key in a file (the year); more are duplicates. */
  key(row: R): string;
  /** Columns of the staging table `import_row` (SQL column definitions) and a row's values for them. */
  staging: { columns: string; values(row: R): (string | number | boolean | null)[] };
  /**
   * Moves matched rows into the department's tables: an `insert ... select` over
   * `import_row s join roster r on r.id_number_index = s.id_index`; `$1` is the actor.
   */
  apply: string;
}

export type ImportProblem = 'INVALID_ID_NUMBER' | 'INVALID_ROW' | 'DUPLICATED_IN_FILE' | 'NOT_IN_REGISTRY';

export interface ImportReport {
  rows: number;
  matched: number;
  notInRegistry: number;
  invalidIdNumber: number;
  invalidRow: number;
  duplicated: number;
  /** Rows written to the department's tables (0 on a dry run). */
  written: number;
  seconds: number;
  /** One line per row not imported: line, masked ID number, problem, detail. */
  reportPath: string;
  dryRun: boolean;
}

export interface ImportOptions {
  /** The department database, as its owner. */
  databaseUrl: string;
  pii: PersonalDataCipher;
  file: string;
  reportPath?: string;
  /** Who imports: the audit row names them. */
  actor: Caller;
  dryRun?: boolean;
  progress?: boolean;
}

const BATCH = 10_000;

/**
 * Imports a CSV in one transaction: the rows are checked and staged with COPY, matched
 * against the roster by ID-number blind index in SQL, and applied at once; one audit row
 * records the import. Any failure rolls everything back: nothing is half imported.
 */
export async function runDepartmentImport<R>(spec: DepartmentImport<R>, name: string, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const today = todayInChina();
  const reportPath = options.reportPath ?? `${options.file}.report.csv`;
  const report = createWriteStream(reportPath, { encoding: 'utf8' });
  report.write('line,id_number,problem,detail\n');
  const problem = (line: number, id: string, kind: ImportProblem, detail = '') => report.write(copyCsv([line, id, kind, detail]));
  const counts = { rows: 0, invalidIdNumber: 0, invalidRow: 0 };

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`create temp table import_row (line integer not null, id_index text not null, id_masked text not null, dup_key text not null, ${spec.staging.columns}) on commit drop`);
    const size = (await stat(options.file)).size;
    const bar = options.progress ? new ProgressBar(`import ${name}`, size, 'bytes') : null;
    const input = createReadStream(options.file, { encoding: 'utf8' });
    if (bar) input.on('data', (chunk) => bar.tick(Buffer.byteLength(chunk as string)));
    const lines = createInterface({ input, crlfDelay: Infinity });

    let header: string[] | null = null;
    let lineNo = 0;
    const staged = async function* () {
      let batch = '';
      let n = 0;
      for await (const raw of lines) {
        lineNo++;
        if (header === null) {
          header = parseCsvLine(raw.replace(/^\uFEFF/, '')).map((h) => h.trim().toLowerCase());
          const missing = ['id_number', ...spec.columns].filter((c) => !header!.includes(c));
          if (missing.length) throw new Error(`${options.file}: the header lacks ${missing.join(', ')} (expected: id_number,${spec.columns.join(',')})`);
          continue;
        }
        if (raw.trim() === '') continue;
        counts.rows++;
        const cells = parseCsvLine(raw);
        const row: Record<string, string> = {};
        header.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
        const facts = readIdNumber(row.id_number ?? '', today);
        if (typeof facts === 'string') {
          counts.invalidIdNumber++;
          // An invalid number is shown as little as a valid one: its first 6 and last 4.
          problem(lineNo, maskIdNumber((row.id_number ?? '').padEnd(18, '?').slice(0, 18)), 'INVALID_ID_NUMBER', facts);
          continue;
        }
        const masked = maskIdNumber(facts.idNumber);
        const values = spec.parse(row);
        if (typeof values === 'string') {
          counts.invalidRow++;
          problem(lineNo, masked, 'INVALID_ROW', values);
          continue;
        }
        batch += copyLine([lineNo, options.pii.blindIndex(facts.idNumber), masked, spec.key(values), ...spec.staging.values(values)]);
        if (++n >= BATCH) {
          yield batch;
          batch = '';
          n = 0;
        }
      }
      if (header === null) throw new Error(`${options.file} is empty: it needs a header line`);
      if (batch) yield batch;
    };
    await pipeline(Readable.from(staged()), client.query(copyFrom('copy import_row from stdin')));
    bar?.finish();

    await client.query('create index on import_row (id_index, dup_key)');
    await client.query('analyze import_row');
    // A person twice for one key: the list contradicts itself, so neither row is taken.
    const dups = await client.query<{ line: number; id_masked: string }>(
      `delete from import_row s using (select id_index, dup_key from import_row group by 1, 2 having count(*) > 1) d
        where s.id_index = d.id_index and s.dup_key = d.dup_key returning s.line, s.id_masked`,
    );
    for (const d of dups.rows.sort((a, b) => a.line - b.line)) problem(d.line, d.id_masked, 'DUPLICATED_IN_FILE');
    const unknown = await client.query<{ line: number; id_masked: string }>(
      `delete from import_row s where not exists (select 1 from roster r where r.id_number_index = s.id_index) returning s.line, s.id_masked`,
    );
    for (const u of unknown.rows.sort((a, b) => a.line - b.line)) problem(u.line, u.id_masked, 'NOT_IN_REGISTRY');
    const matched = Number((await client.query<{ n: string }>('select count(*) as n from import_row')).rows[0]!.n);
    const written = options.dryRun ? 0 : ((await client.query(spec.apply, [options.actor.subject])).rowCount ?? 0);

    const result = {
      rows: counts.rows,
      matched,
      notInRegistry: unknown.rowCount ?? 0,
      invalidIdNumber: counts.invalidIdNumber,
      invalidRow: counts.invalidRow,
      duplicated: dups.rowCount ?? 0,
      written,
    };
    if (options.dryRun) {
      await client.query('rollback');
    } else {
      await appendAuditWithClient(client, options.actor, null, {
        action: `import ${name}`,
        subjectId: null,
        outcome: 'ALLOWED',
        reason: `${basename(options.file)}: ${Object.entries(result).map(([k, v]) => `${k}=${v}`).join(' ')}`.slice(0, 500),
      });
      await client.query('commit');
    }
    return { ...result, seconds: (Date.now() - started) / 1000, reportPath, dryRun: options.dryRun ?? false };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
    await new Promise((resolve) => report.end(resolve));
  }
}

const copyCsv = (values: (string | number)[]) =>
  values.map((v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v))).join(',') + '\n';
