import { makeIdNumber } from '@fupin/kit';
import { errorCode, seed } from '@fupin/kit/testing';
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

  console.error('canary tap check');
  const everything = printed.join('\n');
  expect(everything).toContain('canary tap check'); // the tap sees what the processes print
  expect(everything).not.toContain(CANARY_ID);
  expect(everything).not.toContain(CANARY_ID.slice(6, 14) + CANARY_ID.slice(14)); // no partial leak of the hidden digits
  expect(everything).not.toContain(CANARY_NAME);
  expect(everything).not.toContain('SERIOUS_ILLNESS');
  for (const errors of responses) expect(errors).not.toContain(CANARY_ID);
});
