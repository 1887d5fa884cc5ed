import { loadSubgraph, makeIdNumber } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { awaitInReplica, errorCode, seed } from '@fupin/kit/testing';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startHub } from './support/hub.js';

// A canary person goes through every path that handles an ID number, including the ones
// that fail; nothing the hub prints may contain the number, the name or the health detail,
// and no error message may contain the number. (.ci/run also searches the whole run's
// output for this canary.)
export const CANARY_ID = makeIdNumber('110101', '1949-10-01', 37);
const CANARY_NAME = '金丝雀测试人';

let hub: Awaited<ReturnType<typeof startHub>>;
const printed: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  const tap = (original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = tap(originals.out);
  process.stderr.write = tap(originals.err);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
      original(...args);
    };
  }
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

test('no ID number, name or health detail in logs or error messages', async () => {
  const s = seed(hub.client);
  const village = await s.village();
  const member = { name: CANARY_NAME, idNumber: CANARY_ID, relationToHead: 'HEAD', healthStatus: 'SERIOUS_ILLNESS' };
  const h = await s.household({ villageCode: village, members: [member] });
  const responses: string[] = [];
  const ask = async (query: string, variables: Record<string, unknown>, client = hub.client) => {
    const res = await client.request(query, variables);
    responses.push(JSON.stringify(res.errors ?? []));
    return res;
  };
  // Registered twice: refused, by the service and (racing) by the unique index.
  const register = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`;
  expect(errorCode(await ask(register, { input: s.householdInput({ villageCode: village, members: [member] }) }))).toBe('BAD_USER_INPUT');
  const racing = await Promise.all([0, 1].map(() => ask(register, { input: s.householdInput({ villageCode: village, members: [{ ...member, idNumber: makeIdNumber('110101', '1949-10-01', 39) }] }) })));
  expect(racing.filter((r) => r.errors).length).toBe(1);
  // Looked up, mistyped, revealed, revealed by someone who may not.
  await ask(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, { n: CANARY_ID });
  expect(errorCode(await ask(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, { n: CANARY_ID.slice(0, 17) + (CANARY_ID[17] === '1' ? '2' : '1') }))).toBe('BAD_USER_INPUT');
  const reveal = `mutation($m: ID!, $r: String!) { revealIdNumber(memberId: $m, reason: $r) }`;
  const revealed = await hub.client.request<{ revealIdNumber: string }>(reveal, { m: h.members[0]!.id, r: '核对身份' });
  expect(revealed.data!.revealIdNumber).toBe(CANARY_ID);
  await ask(reveal, { m: h.members[0]!.id, r: 'x' }, await hub.as('DEPARTMENT_OFFICER', '000000000000', 'EMPLOYMENT'));

  // Health records: a claim recorded, refused, and read back.
  const health = await hub.as('DEPARTMENT_OFFICER', '000000000000', 'HEALTH_INSURANCE');
  const claim = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`;
  const claimInput = { memberId: h.members[0]!.id, date: '2020-03-03', hospital: '江夏区人民医院', kind: 'INPATIENT', totalCost: 90000, basicPaid: 60000, criticalIllnessPaid: 10000, supplementaryPaid: 0, assistancePaid: 5000, oneStop: true };
  await ask(claim, { input: claimInput }, health);
  expect(errorCode(await ask(claim, { input: { ...claimInput, basicPaid: 99999 } }, health))).toBe('BAD_USER_INPUT');
  await ask(`query($id: ID!) { household(id: $id) { members { name claims { totalCost } } medical(year: 2020) { totalCost } } }`, { id: h.id }, health);

  // The department's list: the canary matched, mistyped and listed twice; the report is masked.
  await awaitInReplica(hub.subgraphs['health-insurance']!.orm, h.members[0]!.id);
  const dir = await mkdtemp(join(tmpdir(), 'fupin-canary-'));
  try {
    const file = join(dir, 'list.csv');
    const broken = CANARY_ID.slice(0, 17) + (CANARY_ID[17] === '1' ? '2' : '1');
    await writeFile(file, `id_number,year,scheme,premium,subsidy,critical_illness_cover,supplementary_cover\n${CANARY_ID},2020,RESIDENT_BASIC,280,280,1,0\n${broken},2020,RESIDENT_BASIC,280,280,1,0\n${CANARY_ID},2021,RESIDENT_BASIC,-1,0,1,0\n`);
    const spec = (await (await loadSubgraph('health-insurance')).def.imports!()).enrollments!;
    const report = await runDepartmentImport(spec, 'enrollments', { databaseUrl: hub.subgraphs['health-insurance']!.ownerUrl, blindIndex: hub.blindIndex, file, progress: true, actor: { subject: 'cli', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'HEALTH_INSURANCE' } });
    expect(report).toMatchObject({ matched: 1, invalidIdNumber: 1, invalidRow: 1 });
    const written = await readFile(report.reportPath, 'utf8');
    expect(written).not.toContain(CANARY_ID);
    expect(written).not.toContain(broken);
    printed.push(written);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  console.error('canary tap check');
  const everything = printed.join('\n');
  expect(everything).toContain('canary tap check'); // the tap sees what the processes print
  expect(everything).not.toContain(CANARY_ID);
  expect(everything).not.toContain(CANARY_ID.slice(6, 14) + CANARY_ID.slice(14)); // no partial leak of the hidden digits
  expect(everything).not.toContain(CANARY_NAME);
  expect(everything).not.toContain('SERIOUS_ILLNESS');
  for (const errors of responses) expect(errors).not.toContain(CANARY_ID);
});

test('a database error is "internal error" to the client and only its kind and SQLSTATE in the log, whatever the row held', async () => {
  // A rule the code does not know, added behind its back: the insert fails inside PostgreSQL,
  // whose message and detail would carry the failing row (a name, an ID number).
  const owner = new pg.Client({ connectionString: hub.subgraphs.households!.ownerUrl });
  await owner.connect();
  const name = `${CANARY_NAME}二`;
  await owner.query(`alter table member add constraint canary_trap check (name <> '${name}') not valid`);
  try {
    const s = seed(hub.client);
    const from = printed.length;
    const res = await hub.client.request(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
      input: s.householdInput({ villageCode: await s.village(), members: [{ name, idNumber: makeIdNumber('110101', '1949-10-01', 57), relationToHead: 'HEAD', healthStatus: 'SERIOUS_ILLNESS' }] }),
    });
    expect(res.errors).toEqual([{ message: 'internal error', path: ['registerHousehold'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(res.data ?? null).toBeNull();
    const logged = printed.slice(from).join('\n');
    expect(logged).toMatch(/internal error in registerHousehold\b.*\(SQLSTATE 23514\)/);
    expect(logged).not.toContain(name);
    expect(logged).not.toContain('canary_trap');
    expect(logged).not.toContain(makeIdNumber('110101', '1949-10-01', 57));
  } finally {
    await owner.query('alter table member drop constraint canary_trap');
    await owner.end();
  }
});
