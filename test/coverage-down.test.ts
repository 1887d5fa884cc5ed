import { createServer } from 'node:http';
import { errorCode, householdInEveryReplica, meetExitStandard, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// A department down while coverage is asked: its part is listed as not consulted, its gaps are
// unknown rather than absent, the others still answer, and no exit is granted meanwhile. The
// answer says so in `errors` too (DEPARTMENT_UNAVAILABLE at the coverage), for a client that
// does not ask `consulted`.
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

const COVERAGE = `query($id: ID!) { household(id: $id) { coverage(year: 2020) {
  exitEligible batches { batch covered } gaps { kind source } consulted { source consulted unavailableReason } } } }`;

beforeAll(async () => {
  hub = await startHub();
  h = await householdInEveryReplica(hub);
  await meetExitStandard(hub.client, h);
});
afterAll(() => hub?.stop());

/** The coverage, and the errors beside it: exactly one, at the coverage, naming employment and why. */
async function coverageWithoutEmployment(reason: string): Promise<any> {
  const res = await hub.client.request<{ household: { coverage: any } }>(COVERAGE, { id: h.id });
  expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.department, e.extensions?.reason, e.extensions?.retryable])).toEqual([
    ['household.coverage', 'DEPARTMENT_UNAVAILABLE', 'employment', reason, true],
  ]);
  return res.data!.household.coverage;
}

test('every guarantee met and every department up: exit-eligible', async () => {
  const { household } = await hub.client.data<{ household: { coverage: { exitEligible: boolean } } }>(COVERAGE, { id: h.id });
  expect(household.coverage.exitEligible).toBe(true);
});

test('the employment department slower than the registry waits: not consulted, with why, while the others answer', async () => {
  const employment = hub.subgraphs.employment!;
  const port = employment.http.port;
  await employment.http.close();
  // Something on its port that answers only after the registry's deadline (3000 ms by default).
  const slow = createServer((_req, res) => setTimeout(() => res.end('{"parts":[]}'), 4500).unref());
  await new Promise<void>((resolve) => slow.listen(port, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const coverage = await coverageWithoutEmployment('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(4500);
    expect(coverage.exitEligible).toBe(false);
    expect(coverage.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: 'no answer within 3000 ms' });
    expect(coverage.consulted.filter((x: any) => x.consulted)).toHaveLength(4);
  } finally {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  }
});

test('a department answering garbage is not consulted, never read as "no gap"', async () => {
  const port = new URL(hub.subgraphs.employment!.url).port;
  const garbage = createServer((_req, res) => res.end(JSON.stringify({ parts: [{ householdId: h.id, members: 2, batches: ['FREE_MONEY'], gaps: 'none' }] })));
  await new Promise<void>((resolve) => garbage.listen(Number(port), '127.0.0.1', resolve));
  try {
    const coverage = await coverageWithoutEmployment('BAD_RESPONSE');
    expect(coverage.exitEligible).toBe(false);
    expect(coverage.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: 'answered with something that is no coverage' });
  } finally {
    garbage.closeAllConnections();
    await new Promise((resolve) => garbage.close(resolve));
  }
});

test('the employment department down: not consulted, production unknown, not exit-eligible, and the exit refused', async () => {
  const c = await coverageWithoutEmployment('UNREACHABLE');
  expect(c.exitEligible).toBe(false);
  expect(c.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: 'unreachable' });
  expect(c.consulted.filter((x: any) => x.consulted).map((x: any) => x.source).sort()).toEqual(['EDUCATION_AID', 'HEALTH_INSURANCE', 'HOUSING_REPAIR', 'REGISTRY']);
  expect(c.batches.find((b: any) => b.batch === 'PRODUCTION').covered).toBeNull();
  expect(c.batches.find((b: any) => b.batch === 'EDUCATION').covered).toBe(false);
  expect(c.gaps).toEqual([]);

  const res = await hub.client.request(`mutation($input: ChangeHouseholdStatusInput!) { changeHouseholdStatus(input: $input) { status } }`, {
    input: { householdId: h.id, status: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' },
  });
  expect(errorCode(res)).toBe('EXIT_STANDARD_NOT_MET');
  expect(res.errors![0]!.extensions!.notConsulted).toEqual([{ source: 'EMPLOYMENT', reason: 'unreachable' }]);
  expect(res.errors!.slice(1).map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.department, e.extensions?.reason])).toEqual([
    ['changeHouseholdStatus', 'DEPARTMENT_UNAVAILABLE', 'employment', 'UNREACHABLE'],
  ]);
  const { household: after } = await hub.client.data<{ household: { status: string } }>(`query($id: ID!) { household(id: $id) { status } }`, { id: h.id });
  expect(after.status).toBe('POOR');
});
