import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { type Caller, makeIdNumber } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplica, importReportLines, seed } from '@fupin/kit/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import employment from '../src/index.js';

// 信息比对 for the employment bureau: the annual migrant-worker list, keyed by ID number,
// matched against the registry with the kit's import and its report.
let hub: TestGatewayHub;
let dir: string;
const imports = await employment.imports!();
const actor: Caller = { subject: 'cli:empl-officer', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'EMPLOYMENT' };

beforeAll(async () => {
  hub = await startHub();
  dir = await mkdtemp(join(tmpdir(), 'fupin-empl-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await hub?.stop();
});

const sub = () => hub.subgraphs['employment']!;
const query = (sql: string, params: unknown[] = []) => sub().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);
const run = (file: string) => runDepartmentImport(imports['migrant-workers']!, 'migrant-workers', { databaseUrl: sub().ownerUrl, blindIndex: hub.blindIndex, file, actor });

test('the migrant-worker list: good rows land, a child at work is an invalid row, the rest by line; the next list of the year replaces', async () => {
  const h = await seed(hub.client).household({
    villageCode: await seed(hub.client).village(),
    members: [
      { relationToHead: 'HEAD', birthDate: '1980-01-01' },
      { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '1981-01-01' },
      { relationToHead: 'CHILD', birthDate: '2004-12-31' },
      { relationToHead: 'CHILD', birthDate: '2005-01-01' },
    ],
  });
  await awaitInReplica(sub().orm, h.members[3]!.id);
  const ids = h.members.map((m) => m.idNumber);
  const memberIds = h.members.map((m) => m.id);
  const stranger = makeIdNumber('420115', '1985-03-03', 881);
  const file = join(dir, 'migrants.csv');
  await writeFile(file, [
    'id_number,year,status,months_worked,monthly_income,employer',
    `${ids[0]},2020,OUT_OF_PROVINCE,10,4500.50,广东东莞电子厂`, // 2 matched
    `${ids[0]},2019,IN_PROVINCE,12,3800,`, // 3 matched (another year; no employer)
    `${ids[2]},2020,IN_COUNTY,6,2600,县工业园区`, // 4 matched: 16 on 31 December 2020
    `${ids[3]},2020,IN_COUNTY,6,2600,县工业园区`, // 5 invalid: 15 on 31 December 2020 (the registry knows the age)
    `${ids[1]},2020,UNEMPLOYED,3,0,`, // 6 invalid: months worked while unemployed
    `${ids[1]},2020,LOCAL,13,2000,`, // 7 invalid: 13 months
    `${ids[1]},2020,LOCAL,10,-1,`, // 8 invalid: negative income
    `${ids[1]},2020,RETIRED,0,0,`, // 9 invalid: status
    `${stranger},2020,OUT_OF_PROVINCE,10,4000,`, // 10 not in the registry
    `${ids[1]},2021,LOCAL,10,2000,`, // 11 duplicated
    `${ids[1]},2021,WORKSHOP,10,1800,`, // 12 duplicated
  ].join('\n'));
  const report = await run(file);
  expect(report).toMatchObject({ rows: 11, matched: 3, written: 3, notInRegistry: 1, invalidIdNumber: 0, invalidRow: 5, duplicated: 2 });
  expect(await query('select member_id, year, status, months_worked, monthly_income, employer from employment where member_id in (?, ?, ?, ?) order by year, status', memberIds)).toEqual([
    { member_id: memberIds[0], year: 2019, status: 'IN_PROVINCE', months_worked: 12, monthly_income: '3800.00', employer: null },
    { member_id: memberIds[2], year: 2020, status: 'IN_COUNTY', months_worked: 6, monthly_income: '2600.00', employer: '县工业园区' },
    { member_id: memberIds[0], year: 2020, status: 'OUT_OF_PROVINCE', months_worked: 10, monthly_income: '4500.50', employer: '广东东莞电子厂' },
  ]);
  // Without the masked ID numbers: `line PROBLEM detail`.
  expect((await importReportLines(report.reportPath)).map((l) => l.split(' ').filter((_, i) => i !== 1).join(' '))).toEqual([
    '5 INVALID_ROW the member is 15 on 31 December 2020; employment is recorded from age 16',
    '6 INVALID_ROW an UNEMPLOYED person has no months worked',
    '7 INVALID_ROW months_worked must be from 0 to 12',
    '8 INVALID_ROW monthly_income must not be negative',
    expect.stringMatching(/^9 INVALID_ROW status must be one of/),
    '10 NOT_IN_REGISTRY',
    '11 DUPLICATED_IN_FILE',
    '12 DUPLICATED_IN_FILE',
  ]);

  // The next list of the same year replaces what the last one said.
  await writeFile(file, `id_number,year,status,months_worked,monthly_income,employer\n${ids[0]},2020,WORKSHOP,12,1900,村扶贫车间\n`);
  expect(await run(file)).toMatchObject({ matched: 1, written: 1 });
  expect(await query('select status, months_worked, employer from employment where member_id = ? and year = 2020', [memberIds[0]])).toEqual([{ status: 'WORKSHOP', months_worked: 12, employer: '村扶贫车间' }]);
});
