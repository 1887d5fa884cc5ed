import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ConsumerTestHub, SEEDED_COUNTY, startTestHub } from '../src/index.js';

// What a consumer's tests get from one call: the seeded county through the real gateway, tokens
// that the hub's rules judge, and a reset that puts the county back as seeded.
let hub: ConsumerTestHub;
let cli: ChildProcess | undefined;

const ask = async <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data: T; errors?: { message: string; extensions?: { code?: string } }[] };
};
const HOUSEHOLDS = `query($code: ID!) { region(code: $code) { households(first: 100) { totalCount nodes { id members { name } } } } }`;
type Households = { region: { households: { totalCount: number; nodes: { id: string; members: { name: string }[] }[] } } };

beforeAll(async () => {
  hub = await startTestHub({ households: 12, seed: 7 });
}, 180_000);
afterAll(async () => {
  if (cli && cli.exitCode === null) {
    cli.kill('SIGKILL');
    await new Promise((r) => cli!.once('exit', r));
  }
  await hub?.stop();
});

test('the seeded county answers through the gateway: its households, in its villages', async () => {
  expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  expect(hub.county).toBe(SEEDED_COUNTY);
  expect(hub.villages.length).toBeGreaterThan(0);
  for (const v of hub.villages) expect(v.startsWith(SEEDED_COUNTY.slice(0, 6))).toBe(true);
  const res = await ask<Households>(await hub.token({ role: 'CASEWORKER' }), HOUSEHOLDS, { code: hub.county });
  expect(res.errors).toBeUndefined();
  expect(res.data.region.households.totalCount).toBe(12);
});

test('tokens per role and department are judged by the hub: a department officer is refused what is not its own', async () => {
  const officer = await hub.token({ role: 'DEPARTMENT_OFFICER', department: 'EDUCATION_AID' });
  const own = await ask<unknown>(officer, `query($code: ID!) { region(code: $code) { households(first: 1) { nodes { members { schooling(year: 2020) { year } } } } } }`, { code: hub.county });
  expect(own.errors).toBeUndefined();
  const other = await ask<unknown>(officer, `query($code: ID!) { region(code: $code) { households(first: 1) { nodes { members { insurance(year: 2020) { year } } } } } }`, { code: hub.county });
  expect(other.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  // Outside the token's jurisdiction, and with no token at all.
  const elsewhere = await hub.token({ role: 'CASEWORKER', regionCode: '420116000000' });
  expect((await ask<unknown>(elsewhere, HOUSEHOLDS, { code: hub.county })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await ask<unknown>(null, HOUSEHOLDS, { code: hub.county })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // Claims no hub would sign are refused when asked for, with the reason.
  await expect(hub.token({ role: 'DEPARTMENT_OFFICER', department: 'NO_SUCH_DEPARTMENT' })).rejects.toThrow(/needs a department/);
  await expect(hub.token({ role: 'CASEWORKER', department: 'EDUCATION_AID' })).rejects.toThrow(/only a DEPARTMENT_OFFICER/);
});

test('reset puts the seeded county back: the same households and members, and nothing a test wrote', async () => {
  const admin = await hub.token({ role: 'ADMIN' });
  const before = (await ask<Households>(admin, HOUSEHOLDS, { code: hub.county })).data.region.households;
  const target = before.nodes[0]!;
  const renamed = await ask<unknown>(admin, `mutation($id: ID!) { updateHousehold(input: { householdId: $id, effectiveDate: "2020-06-01", reason: "测试", helper: "测试帮扶人" }) { id } }`, { id: target.id });
  expect(renamed.errors).toBeUndefined();
  const HELPER = `query($id: ID!) { household(id: $id) { helper } }`;
  expect((await ask<{ household: { helper: string } }>(admin, HELPER, { id: target.id })).data.household.helper).toBe('测试帮扶人');

  await hub.reset();
  const after = (await ask<Households>(admin, HOUSEHOLDS, { code: hub.county })).data.region.households;
  expect(after).toEqual(before);
  expect((await ask<{ household: { helper: string } }>(admin, HELPER, { id: target.id })).data.household.helper).not.toBe('测试帮扶人');
}, 120_000);

test('npm run test-hub: one line of JSON (URL, tokens, reset URL), served until SIGINT', async () => {
  cli = spawn(process.execPath, [fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)), '--households', '5', '--seed', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  cli.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: cli!.stdout! }).once('line', resolve);
    cli!.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const described = JSON.parse(line) as { url: string; resetUrl: string; county: string; tokens: Record<string, string> & { DEPARTMENT_OFFICER: Record<string, string> } };
  expect(Object.keys(described.tokens.DEPARTMENT_OFFICER)).toEqual(expect.arrayContaining(['HEALTH_INSURANCE', 'EDUCATION_AID', 'HOUSING_REPAIR', 'EMPLOYMENT']));
  const res = await fetch(described.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${described.tokens.COUNTY_OFFICER}` },
    body: JSON.stringify({ query: `{ region(code: "${described.county}") { households(first: 1) { totalCount } } }` }),
  });
  expect(((await res.json()) as { data: { region: { households: { totalCount: number } } } }).data.region.households.totalCount).toBe(5);
  expect((await fetch(described.resetUrl, { method: 'POST' })).status).toBe(204);
  cli.kill('SIGINT');
  expect(await new Promise((r) => cli!.once('exit', r))).toBe(0);
}, 180_000);
