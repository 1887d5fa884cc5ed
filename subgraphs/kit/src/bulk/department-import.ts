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
import { ProgressBar } from './progress.js';
import { todayInChina } from '../domain/dates.js';
import { maskIdNumber, readIdNumber } from '../domain/id-number.js';
import type { BlindIndex } from '../domain/personal-data.js';
import { copyLine } from './copy.js';
import { parseCsvLine } from './csv.js';

/**
 * A department's annual list keyed by resident ID number (信息比对). The kit reads, checks,
 * matches against the roster and reports; the department says what a row holds and where
 * matched rows go.
 */
export interface DepartmentImport<R> {
  description: string;
  /**
   * What a row is about: a person, by `id_number` (the default); or a household, by
   * `household_number` or, where that is empty, its head's `id_number`.
   */
  keyedBy?: 'member' | 'household';
  /** CSV header columns beside the key columns. */
  columns: readonly string[];
  /** A row's values, or why the row is invalid. */
  parse(row: Record<string, string>): R | string;
  /** One row per person (or household) and this key in a file (the year); more are duplicates. */
  key(row: R): string;
  /** Columns of the staging table `import_row` (SQL column definitions) and a row's values for them. */
  staging: { columns: string; values(row: R): (string | number | boolean | null)[] };
  /**
   * Why a matched row cannot be taken, as a SQL text expression over the staged row (`s.`)
   * and its roster member (`r.`; for a household, `r.household_id` only), null when it can: rules that need the person (a school
   * stage impossible at their age). Such rows are reported INVALID_ROW with the reason.
   */
  check?: string;
  /**
   * Moves matched rows into the department's tables: an `insert ... select` from `matched`
   * (the staging columns and the roster's `member_id`, or `household_id`, one row per person
   * or household and key); `$1` is the actor.
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
  /** The department's blind-index key: rows are matched to the roster by it, no number is decrypted. */
  blindIndex: BlindIndex;
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
  const households = spec.keyedBy === 'household';
  const subject = households ? 'household_id' : 'member_id';
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
    // Temporary: gone with the connection, which ends with the import.
    await client.query(`create temp table import_row (line integer not null, id_index text not null, id_masked text not null, household_number text not null, dup_key text not null, ${spec.staging.columns})`);
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
          const keys = households ? ['household_number', 'id_number'] : ['id_number'];
          const missing = [...(keys.some((k) => header!.includes(k)) ? [] : [keys.join(' or ')]), ...spec.columns.filter((c) => !header!.includes(c))];
          if (missing.length) throw new Error(`${options.file}: the header lacks ${missing.join(', ')} (expected: ${keys.join(',')},${spec.columns.join(',')})`);
          continue;
        }
        if (raw.trim() === '') continue;
        counts.rows++;
        const cells = parseCsvLine(raw);
        const row: Record<string, string> = {};
        header.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
        // A household by its number (not personal data: the report shows it as it is), else
        // a person, or a household's head, by ID number (the report shows it masked).
        const householdNumber = households ? (row.household_number ?? '') : '';
        let who: { index: string; shown: string };
        if (householdNumber) {
          who = { index: '', shown: householdNumber };
        } else {
          const facts = readIdNumber(row.id_number ?? '', today);
          if (typeof facts === 'string') {
            counts.invalidIdNumber++;
            // An invalid number is shown as little as a valid one: its first 6 and last 4.
            problem(lineNo, maskIdNumber((row.id_number ?? '').padEnd(18, '?').slice(0, 18)), 'INVALID_ID_NUMBER', facts);
            continue;
          }
          who = { index: options.blindIndex.blindIndex(facts.idNumber), shown: maskIdNumber(facts.idNumber) };
        }
        const values = spec.parse(row);
        if (typeof values === 'string') {
          counts.invalidRow++;
          problem(lineNo, who.shown, 'INVALID_ROW', values);
          continue;
        }
        batch += copyLine([lineNo, who.index, who.shown, householdNumber, spec.key(values), ...spec.staging.values(values)]);
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

    // One pass: each staged row with its member (if the roster knows the number) and how
    // often the file lists that person for the key. A person twice for one key means the list
    // contradicts itself, so neither row is taken.
    await client.query('analyze import_row');
    const invalid = spec.check ? `case when r.${subject} is not null then (${spec.check}) end` : 'null::text';
    await client.query(
      households
        ? // A household by its number, or by its head's ID number; twice in a file however named.
          `create temp table import_match as
           select s.*, r.household_id, count(*) over (partition by coalesce(r.household_id::text, s.id_index || '/' || s.household_number), s.dup_key) as copies, ${invalid} as invalid
             from import_row s left join lateral (
               select household_id from roster r
                where (s.household_number <> '' and r.household_number = s.household_number)
                   or (s.household_number = '' and r.id_number_index = s.id_index and r.is_head and r.left_on is null)
                limit 1) r on true`
        : `create temp table import_match as
           select s.*, r.member_id, count(*) over (partition by s.id_index, s.dup_key) as copies, ${invalid} as invalid
             -- A person who moved has a row in each household: the one they are in now, else the last.
             from import_row s left join lateral (
               select r.* from roster r where r.id_number_index = s.id_index order by r.left_on desc nulls first limit 1) r on true`,
    );
    // Ordered by member: the department's indexes are filled in order, not at random.
    await client.query(`create temp view matched as select * from import_match where copies = 1 and ${subject} is not null and invalid is null order by ${subject}`);
    const refused = await client.query<{ line: number; id_masked: string; copies: string; subject: string | null; invalid: string | null }>(
      `select line, id_masked, copies, ${subject} as subject, invalid from import_match where copies > 1 or ${subject} is null or invalid is not null order by copies = 1, line`,
    );
    let duplicated = 0;
    let notInRegistry = 0;
    for (const r of refused.rows) {
      if (Number(r.copies) > 1) {
        duplicated++;
        problem(r.line, r.id_masked, 'DUPLICATED_IN_FILE');
      } else if (r.subject === null) {
        notInRegistry++;
        problem(r.line, r.id_masked, 'NOT_IN_REGISTRY', households ? 'no household with this number, or not the head of one' : '');
      } else {
        counts.invalidRow++;
        problem(r.line, r.id_masked, 'INVALID_ROW', r.invalid!);
      }
    }
    const matched = Number((await client.query<{ n: string }>('select count(*) as n from matched')).rows[0]!.n);
    const written = options.dryRun ? 0 : ((await client.query(spec.apply, [options.actor.subject])).rowCount ?? 0);

    const result = {
      rows: counts.rows,
      matched,
      notInRegistry,
      invalidIdNumber: counts.invalidIdNumber,
      invalidRow: counts.invalidRow,
      duplicated,
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
