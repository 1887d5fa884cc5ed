import { householdInEveryReplica, meetExitStandard, type SeededHousehold } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';
import { type StandIn, withStandIn } from './support/stand-in.js';

// A department down, slower than its deadline, or answering garbage: the household view and the
// region dashboard still carry the registry's data and every other department's, with a
// DEPARTMENT_UNAVAILABLE error naming the department and the fields it leaves null. Reads are
// tried again when a department cannot be reached; mutations never.
const DEADLINE_MS = 1500;
// Below the gateway's deadline: PostgreSQL gives up on a statement before the gateway gives up on the subgraph.
const STATEMENT_TIMEOUT_MS = 1000;
const DEPARTMENTS = ['health-insurance', 'education-aid', 'housing-repair', 'employment'] as const;
type DepartmentName = (typeof DEPARTMENTS)[number];

let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

const HOUSEHOLD_VIEW = contractOperation('HouseholdView');
const FOUR_ZEROS = `query($code: ID!) { region(code: $code) { code name fourZeros(year: 2020) {
  households unsafeHousingHouseholds highMedicalBurdenHouseholds dropoutMembers zeroEmploymentHouseholds } } }`;

// The fields each department adds to the view: null when it is missing, present otherwise.
const MEMBER_FIELDS: Record<DepartmentName, string[]> = {
  'health-insurance': ['insurance', 'claims'],
  'education-aid': ['schooling', 'grants'],
  'housing-repair': [],
  employment: ['employment'],
};
const HOUSEHOLD_FIELDS: Record<DepartmentName, string[]> = {
  'health-insurance': ['medical'],
  'education-aid': [],
  'housing-repair': ['housing'],
  employment: ['industrySupport'],
};

/**
 * What each department's fields hold for the seeded household (meetExitStandard's records and
 * the ones beforeAll adds), by member (in the view's order) and for the household: an up
 * department's fields are checked against these values, not only for being there.
 */
function expectedOf(d: DepartmentName): { members: Record<string, unknown>[]; household: Record<string, unknown> } {
  const insurance = { scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280, criticalIllnessCover: false };
  switch (d) {
    case 'health-insurance':
      return {
        members: [
          { insurance, claims: [{ date: '2020-05-01', hospital: '县医院', totalCost: 100, outOfPocket: 5, oneStop: true }] },
          { insurance, claims: [] },
        ],
        household: { medical: { totalCost: 100, outOfPocket: 5, outOfPocketShare: 0.05, uninsuredMembers: 0 } },
      };
    case 'education-aid':
      return { members: [{ schooling: null, grants: [{ program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: 1000, paidOn: '2020-09-01' }] }, { schooling: null, grants: [] }], household: {} };
    case 'housing-repair':
      return { members: [{}, {}], household: { housing: { safe: true, latestAppraisal: { grade: 'A', appraisedOn: '2020-01-02' }, renovations: [], relocation: null } } };
    case 'employment':
      return { members: [{ employment: { status: 'IN_COUNTY', monthsWorked: 10, monthlyIncome: 3000 } }, { employment: null }], household: { industrySupport: [{ kind: 'LIVESTOCK', amount: 3000 }] } };
  }
}

beforeAll(async () => {
  const timeouts = Object.fromEntries(DEPARTMENTS.map((d) => [d, DEADLINE_MS]));
  hub = await startHub({ subgraphTimeouts: timeouts }, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  h = await householdInEveryReplica(hub);
  await meetExitStandard(hub.client, h);
  // A record in each department beyond the exit standard's, so that an up department's fields carry values to check.
  const [head] = h.members;
  await hub.client.data(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
    input: { memberId: head!.id, date: '2020-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: '100.00', basicPaid: '95.00', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: true },
  });
  await hub.client.data(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, {
    input: { memberId: head!.id, program: 'TWO_EXEMPTIONS_ONE_SUBSIDY', amount: '1000.00', paidOn: '2020-09-01' },
  });
  await hub.client.data(`mutation($input: RecordIndustrySupportInput!) { recordIndustrySupport(input: $input) { year } }`, {
    input: { householdId: h.id, year: 2020, kind: 'LIVESTOCK', amount: '3000.00' },
  });
});
afterAll(() => hub?.stop());

interface Answer {
  data?: { household: any } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const view = () => hub.client.request(HOUSEHOLD_VIEW, { id: h.id, year: 2020 }) as Promise<Answer>;

const withDepartment = <T>(name: DepartmentName, standIn: StandIn | null, fn: () => Promise<T>): Promise<T> => withStandIn(hub.subgraphs[name]!, standIn, fn);

/** Registry data whole; the department's fields null, every other department's present; one typed error per missing fetch. */
function expectPartial(res: Answer, missing: DepartmentName, reason: string) {
  const household = res.data?.household;
  expect(household).toMatchObject({ id: h.id, householdNumber: expect.any(String), status: 'POOR' });
  expect(household.members).toHaveLength(h.members.length);
  expect(household.coverage).not.toBeNull();
  expect(household.members.map((m: { id: string }) => m.id)).toEqual(h.members.map((m) => m.id));
  for (const d of DEPARTMENTS) {
    const expected = expectedOf(d);
    household.members.forEach((m: Record<string, unknown>, i: number) => {
      for (const f of MEMBER_FIELDS[d]) expect({ department: d, member: i, [f]: m[f] }).toEqual({ department: d, member: i, [f]: d === missing ? null : expected.members[i]![f] });
    });
    for (const f of HOUSEHOLD_FIELDS[d]) expect({ department: d, [f]: household[f] }).toEqual({ department: d, [f]: d === missing ? null : expected.household[f] });
  }
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const e of res.errors!) {
    expect(e.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: missing, reason, retryable: true });
    // Where it hurts, not where it lives: no address, no stack.
    expect(JSON.stringify(e)).not.toMatch(/127\.0\.0\.1|localhost|https?:|\bat \w+ \(/);
    expect(e.path?.[0]).toBe('household');
  }
  const affects = res.errors!.flatMap((e) => e.extensions!.affects as string[]);
  for (const f of MEMBER_FIELDS[missing]) expect(affects).toContain(`household.members.${f}`);
  for (const f of HOUSEHOLD_FIELDS[missing]) expect(affects).toContain(`household.${f}`);
}

test('all up: the whole view and no error', async () => {
  const res = await view();
  expect(res.errors).toBeUndefined();
  const household = res.data!.household;
  for (const d of DEPARTMENTS) {
    const expected = expectedOf(d);
    household.members.forEach((m: Record<string, unknown>, i: number) => {
      for (const f of MEMBER_FIELDS[d]) expect({ department: d, member: i, [f]: m[f] }).toEqual({ department: d, member: i, [f]: expected.members[i]![f] });
    });
    for (const f of HOUSEHOLD_FIELDS[d]) expect({ department: d, [f]: household[f] }).toEqual({ department: d, [f]: expected.household[f] });
  }
});

test.each(DEPARTMENTS)('%s down: the view answers with everything else and DEPARTMENT_UNAVAILABLE (unreachable)', async (name) => {
  const res = await withDepartment(name, null, view);
  expectPartial(res, name, 'UNREACHABLE');
  // Back up: whole again.
  expect((await view()).errors).toBeUndefined();
});

// The registry's coverage (in the view) waits for the slow department up to its own deadline
// (FUPIN_COVERAGE_TIMEOUT_MS, 3000) before the gateway asks the departments for their fields.
const COVERAGE_DEADLINE_MS = 3000;

test.each(DEPARTMENTS)('%s slower than its deadline: the view answers within it, with DEPARTMENT_UNAVAILABLE (timeout)', async (name) => {
  // It would answer long after both deadlines: within three times their sum, only giving up explains the answer (on a loaded machine too).
  const slow: StandIn = ((_req, res) => setTimeout(() => res.end('{"data":{}}'), 60_000).unref());
  const started = Date.now();
  const res = await withDepartment(name, slow, view);
  expect(Date.now() - started).toBeLessThan(3 * (COVERAGE_DEADLINE_MS + DEADLINE_MS));
  expectPartial(res, name, 'TIMEOUT');
});

test('a department answering something that is no GraphQL answer: BAD_RESPONSE, never read as data', async () => {
  const html: StandIn = ((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>'));
  expectPartial(await withDepartment('employment', html, view), 'employment', 'BAD_RESPONSE');
  const shapeless: StandIn = ((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"_entities":"all fine"}}'));
  expectPartial(await withDepartment('health-insurance', shapeless, view), 'health-insurance', 'BAD_RESPONSE');
});

test('the region dashboard with a department down: its count null with the typed error, the others counted', async () => {
  const village = (await hub.client.data<{ household: { village: { code: string } } }>(`query($id: ID!) { household(id: $id) { village { code } } }`, { id: h.id })).household.village.code;
  const res = (await withDepartment('housing-repair', null, () => hub.client.request(FOUR_ZEROS, { code: village }))) as Answer & { data: { region: any } };
  expect(res.data.region.fourZeros).toMatchObject({ households: 1, unsafeHousingHouseholds: null, highMedicalBurdenHouseholds: 0, dropoutMembers: 0, zeroEmploymentHouseholds: 0 });
  expect(res.errors!.map((e) => [e.extensions!.code, e.extensions!.department, e.path])).toEqual([['DEPARTMENT_UNAVAILABLE', 'housing-repair', ['region', 'fourZeros', 'unsafeHousingHouseholds']]]);
});

test('a read is tried again when the department cannot be reached (503), a mutation never', async () => {
  let calls = 0;
  const unavailable: StandIn = ((req, res) => {
    if (req.url === '/graphql') calls++;
    res.writeHead(503).end();
  });
  // One fetch from employment.
  const read = (await withDepartment('employment', unavailable, () =>
    hub.client.request(`query($id: ID!) { household(id: $id) { id members { employment(year: 2020) { status } } } }`, { id: h.id }),
  )) as Answer;
  expect(calls).toBe(3); // the first try and SUBGRAPH_READ_RETRIES (2)
  expect(read.errors![0]!.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'employment', reason: 'UNREACHABLE' });
  calls = 0;
  const write = (await withDepartment('employment', unavailable, () =>
    hub.client.request(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, {
      input: { memberId: h.members[0]!.id, year: 2021, status: 'LOCAL', monthsWorked: 3, monthlyIncome: 1000 },
    }),
  )) as Answer;
  expect(calls).toBe(1);
  expect(write.errors![0]!.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'employment' });
});

test('PostgreSQL cancels a serving statement that runs past FUPIN_STATEMENT_TIMEOUT_MS, in every subgraph', async () => {
  for (const sub of Object.values(hub.subgraphs)) {
    const conn = sub.orm.em.fork().getConnection();
    await expect(conn.execute(`select pg_sleep(${(STATEMENT_TIMEOUT_MS + 500) / 1000})`)).rejects.toThrow(/statement timeout/);
    expect(await conn.execute(`select 1 as ok`)).toEqual([{ ok: 1 }]);
  }
});
