import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorCode, householdInEveryReplica, meetExitStandard, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { type StandIn, withStandIn } from './support/stand-in.js';

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

/**
 * Closes employment's HTTP server, puts `replacement` (if any) on its port, runs `fn`, then
 * brings employment back: each test takes it down itself, and passes alone or in any order.
 */
const withoutEmployment = <T>(standIn: StandIn | null, fn: () => Promise<T>): Promise<T> => withStandIn(hub.subgraphs.employment!, standIn, fn);

// The registry's deadline for a department's coverage (FUPIN_COVERAGE_TIMEOUT_MS by default).
const COVERAGE_DEADLINE_MS = 3000;

test('the employment department slower than the registry waits: not consulted, with why, while the others answer', async () => {
  // Something on its port that answers long after the registry's deadline: an answer within
  // three times the deadline can only be the registry giving up, on a loaded machine too.
  const slow = (_req: IncomingMessage, res: ServerResponse) => void setTimeout(() => res.end('{"parts":[]}'), 10 * COVERAGE_DEADLINE_MS).unref();
  await withoutEmployment(slow, async () => {
    const started = Date.now();
    const coverage = await coverageWithoutEmployment('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3 * COVERAGE_DEADLINE_MS);
    expect(coverage.exitEligible).toBe(false);
    expect(coverage.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: `no answer within ${COVERAGE_DEADLINE_MS} ms` });
    expect(coverage.consulted.filter((x: any) => x.consulted)).toHaveLength(4);
  });
});

test('a department answering garbage is not consulted, never read as "no gap"', async () => {
  const garbage = (_req: IncomingMessage, res: ServerResponse) => void res.end(JSON.stringify({ parts: [{ householdId: h.id, members: 2, batches: ['FREE_MONEY'], gaps: 'none' }] }));
  await withoutEmployment(garbage, async () => {
    const coverage = await coverageWithoutEmployment('BAD_RESPONSE');
    expect(coverage.exitEligible).toBe(false);
    expect(coverage.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: 'answered with something that is no coverage' });
  });
});

test('the employment department down: not consulted, production unknown, not exit-eligible, and the exit refused', async () => {
  await withoutEmployment(null, async () => {
    const c = await coverageWithoutEmployment('UNREACHABLE');
    expect(c.exitEligible).toBe(false);
    expect(c.consulted.find((x: any) => x.source === 'EMPLOYMENT')).toEqual({ source: 'EMPLOYMENT', consulted: false, unavailableReason: 'unreachable' });
    expect(c.consulted.filter((x: any) => x.consulted).map((x: any) => x.source).sort()).toEqual(['EDUCATION_AID', 'HEALTH_INSURANCE', 'HOUSING_REPAIR', 'REGISTRY']);
    expect(c.batches.find((b: any) => b.batch === 'PRODUCTION').covered).toBeNull();
    expect(c.batches.find((b: any) => b.batch === 'EDUCATION').covered).toBe(false);
    expect(c.gaps).toEqual([]);

    const res = await hub.client.request(`mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id step } }`, {
      input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' },
    });
    expect(errorCode(res)).toBe('EXIT_STANDARD_NOT_MET');
    expect(res.errors![0]!.extensions!.notConsulted).toEqual([{ source: 'EMPLOYMENT', reason: 'unreachable' }]);
    expect(res.errors!.slice(1).map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.department, e.extensions?.reason])).toEqual([
      ['proposeStatusChange', 'DEPARTMENT_UNAVAILABLE', 'employment', 'UNREACHABLE'],
    ]);
    const { household: after } = await hub.client.data<{ household: { status: string } }>(`query($id: ID!) { household(id: $id) { status } }`, { id: h.id });
    expect(after.status).toBe('POOR');
  });
});

test('employment back: exit-eligible again', async () => {
  const { household } = await hub.client.data<{ household: { coverage: { exitEligible: boolean } } }>(COVERAGE, { id: h.id });
  expect(household.coverage.exitEligible).toBe(true);
});
