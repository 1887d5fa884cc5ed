import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { type Caller, makeIdNumber } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplica, importReportLines, seed, tomorrowInChina } from '@fupin/kit/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import educationAid from '../src/index.js';

// 信息比对 for the education bureau: the school roll and the grants list, keyed by ID number,
// matched against the registry with the kit's import and its report.
let hub: TestGatewayHub;
let dir: string;
const imports = await educationAid.imports!();
const actor: Caller = { subject: 'cli:edu-officer', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'EDUCATION_AID' };
const TOMORROW = tomorrowInChina();

beforeAll(async () => {
  hub = await startHub();
  dir = await mkdtemp(join(tmpdir(), 'fupin-edu-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await hub?.stop();
});

const education = () => hub.subgraphs['education-aid']!;
const query = (sql: string, params: unknown[] = []) => education().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);
const run = (list: string, file: string) => runDepartmentImport(imports[list]!, list, { databaseUrl: education().ownerUrl, blindIndex: hub.blindIndex, file, actor });
/** A household with two adults (1980) and two children (2012, 2008), on the replica. */
async function registered() {
  const h = await seed(hub.client).household({
    villageCode: await seed(hub.client).village(),
    members: [{ relationToHead: 'HEAD', birthDate: '1980-01-01' }, { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '1981-01-01' }, { relationToHead: 'CHILD', birthDate: '2012-03-03' }, { relationToHead: 'CHILD', birthDate: '2008-04-04' }],
  });
  await awaitInReplica(education().orm, h.members[3]!.id);
  return { ids: h.members.map((m) => m.idNumber), memberIds: h.members.map((m) => m.id) };
}

test('the school roll: good rows land, a stage impossible at the registry age is an invalid row, the rest by line', async () => {
  const { ids, memberIds } = await registered();
  const stranger = makeIdNumber('420115', '2011-03-03', 881);
  const file = join(dir, 'roll.csv');
  await writeFile(file, [
    'id_number,year,stage,school,status',
    `${ids[2]},2020,PRIMARY,山坡乡中心学校,ENROLLED`, // 2 matched
    `${ids[3]},2020,JUNIOR_SECONDARY,山坡乡中心学校,DROPPED_OUT`, // 3 matched
    `${ids[3]},2019,PRIMARY,山坡乡中心学校,ENROLLED`, // 4 matched (another school year)
    `${ids[0]},2020,PRIMARY,山坡乡中心学校,ENROLLED`, // 5 invalid: 40 in primary school (the registry knows the age)
    `${ids[1]},2020,PRIMARY,夜校,ENROLLED`, // 6 duplicated
    `${ids[1]},2020,VOCATIONAL,夜校,ENROLLED`, // 7 duplicated
    `${stranger},2020,PRIMARY,山坡乡中心学校,ENROLLED`, // 8 not in the registry
    `${ids[2]},2013,PRIMARY,山坡乡中心学校,ENROLLED`, // 9 invalid: year
    `${ids[2]},2021,PRIMARY,山坡乡中心学校,EXPELLED`, // 10 invalid: status
  ].join('\n'));
  const report = await run('school-roll', file);
  expect(report).toMatchObject({ rows: 9, matched: 3, written: 3, notInRegistry: 1, invalidIdNumber: 0, invalidRow: 3, duplicated: 2 });
  expect(await query('select member_id, year, stage, status from schooling where member_id in (?, ?, ?, ?) order by member_id, year', memberIds)).toEqual(
    [
      { member_id: memberIds[2], year: 2020, stage: 'PRIMARY', status: 'ENROLLED' },
      { member_id: memberIds[3], year: 2019, stage: 'PRIMARY', status: 'ENROLLED' },
      { member_id: memberIds[3], year: 2020, stage: 'JUNIOR_SECONDARY', status: 'DROPPED_OUT' },
    ].sort((a, b) => a.member_id.localeCompare(b.member_id)),
  );
  // Without the masked ID numbers: `line PROBLEM detail`.
  expect((await importReportLines(report.reportPath)).map((l) => l.split(' ').filter((_, i) => i !== 1).join(' '))).toEqual([
    '5 INVALID_ROW stage PRIMARY is impossible at age 40 (on 31 August 2020); it takes ages 5 to 18',
    '6 DUPLICATED_IN_FILE',
    '7 DUPLICATED_IN_FILE',
    '8 NOT_IN_REGISTRY',
    '9 INVALID_ROW year must be from 2014 to next year',
    expect.stringMatching(/^10 INVALID_ROW status must be one of/),
  ]);

  // The next roll of the same school year replaces what the last one said.
  await writeFile(file, `id_number,year,stage,school,status\n${ids[3]},2020,JUNIOR_SECONDARY,县第二中学,ENROLLED\n`);
  expect(await run('school-roll', file)).toMatchObject({ matched: 1, written: 1 });
  expect(await query('select school, status from schooling where member_id = ? and year = 2020', [memberIds[3]])).toEqual([{ school: '县第二中学', status: 'ENROLLED' }]);
});

test('the grants list: payments accumulate, and the same list imported twice pays nobody twice', async () => {
  const { ids, memberIds } = await registered();
  const file = join(dir, 'grants.csv');
  await writeFile(file, [
    'id_number,program,amount,paid_on',
    `${ids[2]},TWO_EXEMPTIONS_ONE_SUBSIDY,500,2020-03-10`, // 2 matched
    `${ids[2]},TWO_EXEMPTIONS_ONE_SUBSIDY,500.50,2020-09-10`, // 3 matched (another payment)
    `${ids[3]},NATIONAL_GRANT,0,2020-09-10`, // 4 invalid: zero
    `${ids[3]},NATIONAL_GRANT,100.001,2020-09-10`, // 5 invalid: three decimals
    `${ids[3]},NATIONAL_GRANT,100,${TOMORROW}`, // 6 invalid: paid tomorrow
    `${ids[0]},RAIN_DEW,3000,2020-10-01`, // 7 duplicated
    `${ids[0]},RAIN_DEW,1500,2020-10-01`, // 8 duplicated
  ].join('\n'));
  const first = await run('grants', file);
  expect(first).toMatchObject({ rows: 7, matched: 2, written: 2, invalidRow: 3, duplicated: 2, notInRegistry: 0 });
  expect(await query('select amount, paid_on::text as paid_on from education_grant where member_id = ? order by paid_on', [memberIds[2]])).toEqual([
    { amount: '500.00', paid_on: '2020-03-10' },
    { amount: '500.50', paid_on: '2020-09-10' },
  ]);
  expect(await run('grants', file)).toMatchObject({ matched: 2, written: 0 });
  expect(await query('select count(*)::int as n from education_grant where member_id = ?', [memberIds[2]])).toEqual([{ n: 2 }]);
});
