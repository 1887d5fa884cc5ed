import { type Caller, BlindIndex, loadSubgraph, makeIdNumber, PersonalDataCipher } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplica, seed } from '@fupin/kit/testing';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from './support/hub.js';

// 信息比对: a department's annual list, keyed by ID number, matched against the registry.
let hub: Awaited<ReturnType<typeof startHub>>;
let dir: string;
const spec = (await (await loadSubgraph('health-insurance')).def.imports!()).enrollments!;
const actor: Caller = { subject: 'cli:officer', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'HEALTH_INSURANCE' };
const HEADER = 'id_number,year,scheme,premium,subsidy,critical_illness_cover,supplementary_cover';

beforeAll(async () => {
  hub = await startHub();
  dir = await mkdtemp(join(tmpdir(), 'fupin-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await hub?.stop();
});

const health = () => hub.subgraphs['health-insurance']!;
const query = (sql: string, params: unknown[] = []) => health().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);
const state = async () => (await query(`select (select count(*) from insurance_enrollment) as enrollments, (select count(*) from audit_log) as audit`))[0];
const run = (file: string, extra: Partial<Parameters<typeof runDepartmentImport>[2]> = {}, s = spec) =>
  runDepartmentImport(s, 'enrollments', { databaseUrl: health().ownerUrl, blindIndex: hub.blindIndex, file, actor, ...extra });

async function registered(): Promise<{ ids: string[]; memberIds: string[] }> {
  const h = await seed(hub.client).household({ villageCode: await seed(hub.client).village(), members: [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE' }, { relationToHead: 'CHILD', birthDate: '2008-01-01' }] });
  const last = h.members[h.members.length - 1]!.id;
  await awaitInReplica(health().orm, last);
  return { ids: h.members.map((m) => m.idNumber), memberIds: h.members.map((m) => m.id) };
}

test('a list with every kind of bad row: the good rows land, the report names the rest by line', async () => {
  const { ids, memberIds } = await registered();
  const stranger = makeIdNumber('420115', '1975-03-03', 881);
  const badCheck = ids[0]!.slice(0, 17) + (ids[0]!.endsWith('0') ? '1' : '0');
  const file = join(dir, 'enrollments.csv');
  await writeFile(file, [
    '\uFEFF' + HEADER,
    `${ids[0]},2020,RESIDENT_BASIC,250,250,true,false`, // 2 matched
    `${ids[0]!.toLowerCase()},2019,RESIDENT_BASIC,220,220,是,否`, // 3 matched (another year; lowercase x reads as X)
    `${ids[1]},2020,EMPLOYEE_BASIC,1200.50,0,1,0`, // 4 duplicated
    `${ids[1]},2020,RESIDENT_BASIC,250,250,1,0`, // 5 duplicated
    `${stranger},2020,RESIDENT_BASIC,250,250,1,0`, // 6 not in the registry
    `${badCheck},2020,RESIDENT_BASIC,250,250,1,0`, // 7 invalid ID number
    `${ids[2]},2020,RESIDENT_BASIC,-250,0,1,0`, // 8 invalid row
    `${ids[2]},2020,COMMERCIAL,250,0,1,0`, // 9 invalid row
    '',
  ].join('\r\n'));
  const before = await state();
  const report = await run(file);
  expect(report).toMatchObject({ rows: 8, matched: 2, written: 2, notInRegistry: 1, invalidIdNumber: 1, invalidRow: 2, duplicated: 2, dryRun: false });
  expect(await query('select member_id, year, premium from insurance_enrollment where member_id in (?, ?, ?) order by year', memberIds)).toEqual([
    { member_id: memberIds[0], year: 2019, premium: '220.00' },
    { member_id: memberIds[0], year: 2020, premium: '250.00' },
  ]);
  const lines = (await readFile(report.reportPath, 'utf8')).trim().split('\n');
  expect(lines.map((l) => l.split(',').slice(0, 3).filter((_, i) => i !== 1).join(','))).toEqual([
    'line,problem', '7,INVALID_ID_NUMBER', '8,INVALID_ROW', '9,INVALID_ROW', '4,DUPLICATED_IN_FILE', '5,DUPLICATED_IN_FILE', '6,NOT_IN_REGISTRY',
  ]);
  // The report is personal data too: masked numbers only.
  const text = await readFile(report.reportPath, 'utf8');
  for (const id of [...ids, stranger]) expect(text).not.toContain(id);
  expect(text).toContain(`${ids[1]!.slice(0, 6)}********${ids[1]!.slice(-4)}`);
  // One audit row for the whole import, not one per row.
  expect(Number((await state())!.audit) - Number(before!.audit)).toBe(1);
  const [audit] = await query(`select actor, action, reason from audit_log order by id desc limit 1`);
  expect(audit).toMatchObject({ actor: 'cli:officer', action: 'import enrollments' });
  expect(audit!.reason).toContain('matched=2');

  // Imported again, the same rows replace what they wrote: an update, never a second row.
  expect((await run(file)).written).toBe(2);
  expect(Number((await state())!.enrollments)).toBe(Number(before!.enrollments) + 2);
});

test('a dry run reports and writes nothing; a failed import changes nothing', async () => {
  const { ids } = await registered();
  const file = join(dir, 'dry.csv');
  await writeFile(file, `${HEADER}\n${ids[0]},2020,RESIDENT_BASIC,250,250,1,0\n`);
  const before = await state();
  expect(await run(file, { dryRun: true })).toMatchObject({ rows: 1, matched: 1, written: 0, dryRun: true });
  expect(await state()).toEqual(before);

  // The database refuses part way through applying: nothing stays, not even the audit row.
  const failing = { ...spec, apply: `with w as (${spec.apply} returning 1) select 1 / (select count(*) - count(*) from w)` };
  await expect(run(file, {}, failing)).rejects.toThrow(/division by zero/);
  expect(await state()).toEqual(before);

  const noColumns = join(dir, 'bad-header.csv');
  await writeFile(noColumns, `id_number,year\n${ids[0]},2020\n`);
  await expect(run(noColumns)).rejects.toThrow(/header lacks scheme, premium/);
  expect(await state()).toEqual(before);
});

test('the key that matches is the hub\'s: a list hashed with another key matches nobody', async () => {
  const { ids } = await registered();
  const file = join(dir, 'other-key.csv');
  await writeFile(file, `${HEADER}\n${ids[0]},2021,RESIDENT_BASIC,250,250,1,0\n`);
  expect(await run(file, { blindIndex: new BlindIndex(PersonalDataCipher.blindIndexKey(PersonalDataCipher.newKey())) })).toMatchObject({ matched: 0, notInRegistry: 1 });
});
