import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import type { Caller } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplica, importReportLines, seed, tomorrowInChina } from '@fupin/kit/testing';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import housingRepair from '../src/index.js';

// An appraisal list keyed by household number or by the head's ID number, matched against
// the registry's roster (version 2 carries both) with the kit's import and its report.
let hub: TestGatewayHub;
let dir: string;
const spec = (await housingRepair.imports!()).appraisals!;
const actor: Caller = { subject: 'cli:housing-officer', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'HOUSING_REPAIR' };

beforeAll(async () => {
  hub = await startHub();
  dir = await mkdtemp(join(tmpdir(), 'fupin-housing-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await hub?.stop();
});

const housing = () => hub.subgraphs['housing-repair']!;
const query = (sql: string, params: unknown[] = []) => housing().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);
const run = (file: string) => runDepartmentImport(spec, 'appraisals', { databaseUrl: housing().ownerUrl, blindIndex: hub.blindIndex, file, actor });
test('households by number or by the head: good rows land, the rest are reported by line; imported twice, nothing doubles', async () => {
  const village = await seed(hub.client).village();
  const a = await seed(hub.client).household({ villageCode: village });
  const b = await seed(hub.client).household({ villageCode: village });
  const c = await seed(hub.client).household({ villageCode: village });
  await awaitInReplica(housing().orm, c.members[1]!.id);
  const head = (h: typeof a) => h.members.find((m) => m.relationToHead === 'HEAD')!.idNumber;
  const spouse = (h: typeof a) => h.members.find((m) => m.relationToHead === 'SPOUSE')!.idNumber;
  const file = join(dir, 'appraisals.csv');
  await writeFile(file, [
    'household_number,id_number,appraised_on,grade,appraiser',
    `${a.householdNumber},,2018-05-01,C,乡镇鉴定组`, // 2 matched by number
    `,${head(b)},2018-06-01,D,乡镇鉴定组`, // 3 matched by the head's ID number
    `,${spouse(c)},2018-06-01,A,乡镇鉴定组`, // 4 not the head: not in the registry as a household
    `NO-SUCH-HOUSEHOLD,,2018-06-01,A,乡镇鉴定组`, // 5 not in the registry
    `${c.householdNumber},,2018-07-01,A,乡镇鉴定组`, // 6 duplicated (the same household and day ...
    `,${head(c)},2018-07-01,B,乡镇鉴定组`, // 7 ... named by its head)
    `${a.householdNumber},,2018-08-01,E,乡镇鉴定组`, // 8 invalid grade
    `${a.householdNumber},,${tomorrowInChina()},A,乡镇鉴定组`, // 9 invalid: tomorrow
  ].join('\n'));
  const report = await run(file);
  expect(report).toMatchObject({ rows: 8, matched: 2, written: 2, notInRegistry: 2, invalidRow: 2, duplicated: 2, invalidIdNumber: 0 });
  expect(await query('select household_id, grade, appraised_on::text as appraised_on from appraisal where household_id in (?, ?, ?) order by appraised_on', [a.id, b.id, c.id])).toEqual([
    { household_id: a.id, grade: 'C', appraised_on: '2018-05-01' },
    { household_id: b.id, grade: 'D', appraised_on: '2018-06-01' },
  ]);
  // `line who PROBLEM` (the detail left out).
  const lines = (await importReportLines(report.reportPath)).map((l) => l.split(' ').slice(0, 3).join(' '));
  expect(lines).toEqual([
    expect.stringMatching(/^4 \d{6}\*{8}\w{4} NOT_IN_REGISTRY$/),
    '5 NO-SUCH-HOUSEHOLD NOT_IN_REGISTRY',
    `6 ${c.householdNumber} DUPLICATED_IN_FILE`,
    expect.stringMatching(/^7 \d{6}\*{8}\w{4} DUPLICATED_IN_FILE$/),
    `8 ${a.householdNumber} INVALID_ROW`,
    `9 ${a.householdNumber} INVALID_ROW`,
  ]);
  // The report masks every ID number.
  const text = await readFile(report.reportPath, 'utf8');
  for (const id of [head(b), spouse(c), head(c)]) expect(text).not.toContain(id);

  // The household view reads what the import wrote.
  const { household } = await hub.client.data<{ household: { housing: { safe: boolean; unsafeReason: string } } }>(`query($id: ID!) { household(id: $id) { housing { safe unsafeReason } } }`, { id: b.id });
  expect(household.housing).toEqual({ safe: false, unsafeReason: 'D_NOT_REBUILT' });

  expect(await run(file)).toMatchObject({ matched: 2, written: 0 });
  expect(await query('select count(*)::int as n from appraisal where household_id in (?, ?)', [a.id, b.id])).toEqual([{ n: 2 }]);
});

test('a list without a key column is refused before anything is read', async () => {
  const file = join(dir, 'no-key.csv');
  await writeFile(file, 'appraised_on,grade,appraiser\n2018-05-01,C,组\n');
  await expect(run(file)).rejects.toThrow(/the header lacks household_number or id_number/);
});
