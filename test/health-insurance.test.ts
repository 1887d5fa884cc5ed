import { rosterSubscriptionName, todayInChina } from '@fupin/kit';
import { awaitInReplica, awaitInReplicas, errorCode, type GraphQLClient, seed, tomorrowInChina } from '@fupin/kit/testing';
import { randomUUID } from 'node:crypto';
import { startHub } from './support/hub.js';

// The first department through the gateway: enrollment, claims and family-doctor contracts
// over the registry's roster, which reaches the department by logical replication.
let hub: Awaited<ReturnType<typeof startHub>>;
let officer: GraphQLClient;
let village: string;
let otherCounty: string;

const ENROLL = `mutation EnrollInsurance($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year scheme premium subsidy } }`;
const CLAIM = `mutation RecordClaim($input: RecordClaimInput!) { recordClaim(input: $input) { id totalCost outOfPocket } }`;
const CONTRACT = `mutation($input: SignFamilyDoctorContractInput!) { signFamilyDoctorContract(input: $input) { year doctorTeam signedOn } }`;
const VIEW = `query($id: ID!, $year: Int!) {
  household(id: $id) {
    id
    members {
      id name
      insurance(year: $year) { scheme premium subsidy criticalIllnessCover supplementaryCover }
      claims(year: $year) { date hospital kind totalCost basicPaid assistancePaid outOfPocket oneStop }
      familyDoctor(year: $year) { doctorTeam signedOn }
    }
    medical(year: $year) { claims totalCost outOfPocket outOfPocketShare uninsuredMembers members assistancePaid }
  }
}`;

// Dates as the server judges them: China time, whatever the runner's time zone.
const TODAY = todayInChina();
const THIS_YEAR = Number(TODAY.slice(0, 4));
const TOMORROW = tomorrowInChina();

const health = () => hub.subgraphs['health-insurance']!;
const healthSql = async (sql: string, params: unknown[] = []) => health().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(sql, params);
const counts = async () => {
  const [row] = await healthSql(`select (select count(*) from insurance_enrollment) as enrollments, (select count(*) from medical_claim) as claims,
    (select count(*) from family_doctor_contract) as contracts`);
  return row;
};
const enrollInput = (memberId: string, over: Record<string, unknown> = {}) => ({ memberId, year: 2020, scheme: 'RESIDENT_BASIC', premium: 250, subsidy: 250, criticalIllnessCover: true, ...over });
const claimInput = (memberId: string, over: Record<string, unknown> = {}) => ({
  memberId, date: '2020-06-01', hospital: '江夏区人民医院', kind: 'INPATIENT', totalCost: 10000, basicPaid: 6000, criticalIllnessPaid: 1500, supplementaryPaid: 800, assistancePaid: 900, oneStop: true, ...over,
});

beforeAll(async () => {
  hub = await startHub({}, { rosterWaitMs: 1500 });
  const s = seed(hub.client);
  village = await s.village();
  otherCounty = await s.village({ county: '420116000000' });
  officer = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HEALTH_INSURANCE');
});
afterAll(() => hub?.stop());

test('a member registered a moment ago is enrolled at once; enrolling again for the year replaces', async () => {
  const h = await seed(hub.client).household({ villageCode: village });
  // No wait between registration and the department's write: the replica may lag.
  const first = await officer.data<{ enrollInsurance: unknown }>(ENROLL, { input: enrollInput(h.members[0]!.id) });
  expect(first.enrollInsurance).toEqual({ year: 2020, scheme: 'RESIDENT_BASIC', premium: 250, subsidy: 250 });
  const again = await officer.data<{ enrollInsurance: unknown }>(ENROLL, { input: enrollInput(h.members[0]!.id, { scheme: 'EMPLOYEE_BASIC', premium: 1200.5, subsidy: 0 }) });
  expect(again.enrollInsurance).toEqual({ year: 2020, scheme: 'EMPLOYEE_BASIC', premium: 1200.5, subsidy: 0 });
  expect(await healthSql('select scheme, premium from insurance_enrollment where member_id = ?', [h.members[0]!.id])).toEqual([{ scheme: 'EMPLOYEE_BASIC', premium: '1200.50' }]);
});

test('the household view adds up claims, insurance and contracts across members', async () => {
  const h = await seed(hub.client).household({ villageCode: village, members: [{ relationToHead: 'HEAD', healthStatus: 'CHRONIC_ILLNESS' }, { relationToHead: 'SPOUSE' }, { relationToHead: 'CHILD', birthDate: '2010-03-01' }] });
  const [head, spouse] = h.members;
  await officer.data(ENROLL, { input: enrollInput(head!.id) });
  await officer.data(ENROLL, { input: enrollInput(spouse!.id, { criticalIllnessCover: false }) });
  const claim = await officer.data<{ recordClaim: { id: string; totalCost: number; outOfPocket: number } }>(CLAIM, { input: claimInput(head!.id) });
  expect(claim.recordClaim).toEqual({ id: expect.any(String), totalCost: 10000, outOfPocket: 800 });
  await officer.data(CLAIM, { input: claimInput(spouse!.id, { kind: 'OUTPATIENT', totalCost: 300.35, basicPaid: 150.1, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid: 0, oneStop: false }) });
  // Another year's claim stays out of 2020.
  await officer.data(CLAIM, { input: claimInput(head!.id, { date: '2021-02-01' }) });
  await officer.data(CONTRACT, { input: { memberId: head!.id, year: 2020, doctorTeam: '山坡卫生院家庭医生团队', signedOn: '2020-01-10' } });

  const caseworker = await hub.as('CASEWORKER', village);
  const { household } = await caseworker.data<{ household: any }>(VIEW, { id: h.id, year: 2020 });
  expect(household.members[0].insurance).toEqual({ scheme: 'RESIDENT_BASIC', premium: 250, subsidy: 250, criticalIllnessCover: true, supplementaryCover: false });
  expect(household.members[0].claims).toEqual([{ date: '2020-06-01', hospital: '江夏区人民医院', kind: 'INPATIENT', totalCost: 10000, basicPaid: 6000, assistancePaid: 900, outOfPocket: 800, oneStop: true }]);
  expect(household.members[0].familyDoctor).toEqual({ doctorTeam: '山坡卫生院家庭医生团队', signedOn: '2020-01-10' });
  expect(household.members[2].insurance).toBeNull();
  expect(household.members[2].claims).toEqual([]);
  // 800 + 150.25 out of 10300.35: exact fen, then the share.
  expect(household.medical).toEqual({ claims: 2, totalCost: 10300.35, outOfPocket: 950.25, outOfPocketShare: 95025 / 1030035, uninsuredMembers: 1, members: 3, assistancePaid: 900 });
  const none = await caseworker.data<{ household: any }>(VIEW, { id: h.id, year: 2019 });
  expect(none.household.medical).toEqual({ claims: 0, totalCost: 0, outOfPocket: 0, outOfPocketShare: 0, uninsuredMembers: 3, members: 3, assistancePaid: 0 });
});

describe('bad input is refused and writes nothing', () => {
  let memberId: string;
  beforeAll(async () => {
    memberId = (await seed(hub.client).household({ villageCode: village })).members[0]!.id;
    await officer.data(ENROLL, { input: enrollInput(memberId) });
  });

  const cases: [string, string, Record<string, unknown>, string][] = [
    ['unknown member', ENROLL, { memberId: randomUUID() }, 'NOT_FOUND'],
    ['a member id that is no id', ENROLL, { memberId: 'nobody' }, 'NOT_FOUND'],
    ['a negative premium', ENROLL, { premium: -1 }, 'BAD_USER_INPUT'],
    ['a subsidy above the premium', ENROLL, { premium: 100, subsidy: 100.01 }, 'BAD_USER_INPUT'],
    ['three decimals', ENROLL, { premium: 1.234 }, 'BAD_USER_INPUT'],
    ['a year before 2014', ENROLL, { year: 2013 }, 'BAD_USER_INPUT'],
    ['a year after next', ENROLL, { year: THIS_YEAR + 2 }, 'BAD_USER_INPUT'],
    ['a scheme outside its list', ENROLL, { scheme: 'COMMERCIAL' }, 'BAD_USER_INPUT'],
    ['claim: unknown member', CLAIM, { memberId: randomUUID() }, 'NOT_FOUND'],
    ['claim: parts above the total', CLAIM, { totalCost: 1000, basicPaid: 600, criticalIllnessPaid: 300, supplementaryPaid: 100, assistancePaid: 0.01 }, 'BAD_USER_INPUT'],
    ['claim: a negative part', CLAIM, { assistancePaid: -5 }, 'BAD_USER_INPUT'],
    ['claim: a negative total', CLAIM, { totalCost: -10, basicPaid: 0, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid: 0 }, 'BAD_USER_INPUT'],
    ['claim: tomorrow', CLAIM, { date: TOMORROW }, 'BAD_USER_INPUT'],
    ['claim: before the registry', CLAIM, { date: '2013-12-31' }, 'BAD_USER_INPUT'],
    ['claim: an impossible date', CLAIM, { date: '2020-02-30' }, 'BAD_USER_INPUT'],
    ['claim: no hospital', CLAIM, { hospital: '  ' }, 'BAD_USER_INPUT'],
    // Signed tomorrow for tomorrow's year: only the rule against the future refuses it.
    ['contract: signed tomorrow', CONTRACT, { year: Number(TOMORROW.slice(0, 4)), signedOn: TOMORROW }, 'BAD_USER_INPUT'],
    ['contract: signed after its year', CONTRACT, { year: 2020, signedOn: '2021-01-01' }, 'BAD_USER_INPUT'],
    ['contract: no doctor team', CONTRACT, { doctorTeam: ' ' }, 'BAD_USER_INPUT'],
  ];
  test.each(cases)('%s', async (_name, mutation, over, code) => {
    const before = await counts();
    const base = mutation === ENROLL ? enrollInput(memberId) : mutation === CLAIM ? claimInput(memberId) : { memberId, year: 2020, doctorTeam: '团队', signedOn: '2020-01-01' };
    const res = await officer.request(mutation, { input: { ...base, ...over } });
    expect(errorCode(res)).toBe(code);
    expect(await counts()).toEqual(before);
  });

  test('the enrollment refused for a year keeps what was recorded', async () => {
    await officer.request(ENROLL, { input: enrollInput(memberId, { premium: 10, subsidy: 20 }) });
    expect(await healthSql('select premium, subsidy from insurance_enrollment where member_id = ?', [memberId])).toEqual([{ premium: '250.00', subsidy: '250.00' }]);
  });
});

describe('security', () => {
  test('only the health department (or ADMIN) writes, inside its jurisdiction; every write and refusal is audited', async () => {
    const h = await seed(hub.client).household({ villageCode: otherCounty });
    const memberId = h.members[0]!.id;
    const education = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'EDUCATION_AID');
    const caseworker = await hub.as('CASEWORKER', otherCounty);
    expect(errorCode(await education.request(ENROLL, { input: enrollInput(memberId) }))).toBe('FORBIDDEN');
    expect(errorCode(await caseworker.request(ENROLL, { input: enrollInput(memberId) }))).toBe('FORBIDDEN');
    // The Jiangxia officer may not write for a Huangpi member.
    expect(errorCode(await officer.request(ENROLL, { input: enrollInput(memberId) }))).toBe('FORBIDDEN');
    const huangpi = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HEALTH_INSURANCE', 'huangpi-officer');
    await huangpi.data(ENROLL, { input: enrollInput(memberId) });
    const audit = await healthSql(`select actor, action, subject_id, outcome, reason from audit_log where subject_id = ? order by id`, [memberId]);
    expect(audit.map((a) => [a.action, a.outcome, a.reason])).toEqual([
      ['enrollInsurance', 'REFUSED', 'FORBIDDEN'],
      ['enrollInsurance', 'REFUSED', 'FORBIDDEN'],
      ['enrollInsurance', 'REFUSED', 'FORBIDDEN'],
      ['enrollInsurance', 'ALLOWED', null],
    ]);
    expect(audit[3]!.actor).toBe('huangpi-officer');
  });

  test('health records: other departments are refused, other jurisdictions get FORBIDDEN on every path', async () => {
    const h = await seed(hub.client).household({ villageCode: village });
    await officer.data(ENROLL, { input: enrollInput(h.members[0]!.id) });
    const education = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'EDUCATION_AID');
    const res = await education.request(`query($id: ID!) { household(id: $id) { members { id insurance(year: 2020) { scheme } } } }`, { id: h.id });
    expect(res.data).toMatchObject({ household: { members: [{ id: h.members[0]!.id, insurance: null }, { insurance: null }] } });
    expect(errorCode(res)).toBe('FORBIDDEN');

    // `_entities` straight at the subgraph, signed as the gateway would for a caseworker elsewhere.
    const elsewhere = health().as({ subject: 'cw-elsewhere', role: 'CASEWORKER', regionCode: otherCounty });
    const direct = await elsewhere.request(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { insurance(year: 2020) { scheme } } ... on Household { medical(year: 2020) { totalCost } } } }`, {
      r: [{ __typename: 'Member', id: h.members[0]!.id }, { __typename: 'Household', id: h.id }],
    });
    expect(direct.data).toEqual({ _entities: [null, null] });
    expect(direct.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const home = health().as({ subject: 'cw-home', role: 'CASEWORKER', regionCode: village });
    const allowed = await home.data<{ _entities: unknown[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { insurance(year: 2020) { scheme } } } }`, {
      r: [{ __typename: 'Member', id: h.members[0]!.id }],
    });
    expect(allowed._entities).toEqual([{ insurance: { scheme: 'RESIDENT_BASIC' } }]);
  });

  test('a batch of reads from the gateway: each operation has its own answer and its own refusals; no mutation in a batch', async () => {
    const s = seed(hub.client);
    const mine = await s.household({ villageCode: village });
    const elsewhere = await s.household({ villageCode: await s.village() });
    await awaitInReplicas(hub.subgraphs, elsewhere.members.at(-1)!.id);
    const home = health().as({ subject: 'cw-batch', role: 'CASEWORKER', regionCode: village });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { claims(year: 2020) { date } } } }`;
    const post = (body: unknown) => {
      const text = JSON.stringify(body);
      return fetch(home.url, { method: 'POST', headers: { 'content-type': 'application/json', ...home.sign!(text) }, body: text });
    };
    const res = await post([
      { query: entities, variables: { r: [{ __typename: 'Member', id: elsewhere.members[0]!.id }] } },
      { query: entities, variables: { r: [{ __typename: 'Member', id: mine.members[0]!.id }] } },
    ]);
    expect(res.status).toBe(200);
    const [refused, allowed] = (await res.json()) as { data: unknown; errors?: { path: unknown[]; extensions: { code: string } }[] }[];
    expect(refused).toEqual({ data: { _entities: [null] }, errors: [expect.objectContaining({ path: ['_entities', 0], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    expect(allowed).toEqual({ data: { _entities: [{ claims: [] }] } });
    const mutation = await post([{ query: entities, variables: { r: [] } }, { query: `mutation { __typename }` }]);
    expect(mutation.status).toBe(400);
    const hidden = await post([{ query: `query A { __typename } mutation B { __typename }`, operationName: 'B' }]);
    expect(hidden.status).toBe(400);
    // Signed, in a content type Apollo refuses before it asks for the context: refused, and the subgraph stays up.
    const batchText = JSON.stringify([{ query: '{ __typename }' }]);
    const plain = await fetch(home.url, { method: 'POST', headers: { 'content-type': 'text/plain; charset="application/json"', ...home.sign!(batchText) }, body: batchText });
    expect(plain.status).toBe(400);
    // Unsigned: refused before its body is read.
    const unsigned = await fetch(home.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batchText });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect((await post([{ query: entities, variables: { r: [{ __typename: 'Member', id: mine.members[0]!.id }] } }])).status).toBe(200);
  });

  test('region coverage: exact figures for the region and year asked, null rate for a region with no members, refusal outside', async () => {
    const COVERAGE = `query($code: ID!, $year: Int!) { insuranceCoverage(regionCode: $code, year: $year) { regionCode year members insured uninsured rate } }`;
    // A county of its own, so the figures are known: village A has 3 members, village B 2.
    const s = seed(hub.client);
    const villageA = await s.village({ county: '420117000000' });
    const villageB = await s.village({ county: '420117000000' });
    const a = await s.household({ villageCode: villageA, members: [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE', gender: 'FEMALE' }, { relationToHead: 'CHILD', birthDate: '2010-01-01' }] });
    const b = await s.household({ villageCode: villageB });
    const xinzhou = await hub.as('DEPARTMENT_OFFICER', '420117000000', 'HEALTH_INSURANCE');
    await xinzhou.data(ENROLL, { input: enrollInput(a.members[0]!.id) });
    await xinzhou.data(ENROLL, { input: enrollInput(a.members[1]!.id) });
    await xinzhou.data(ENROLL, { input: enrollInput(b.members[0]!.id, { year: 2021 }) });
    await awaitInReplica(health().orm, b.members[1]!.id);
    const coverage = async (code: string, year: number) => (await xinzhou.data<{ insuranceCoverage: unknown }>(COVERAGE, { code, year })).insuranceCoverage;
    expect(await coverage('420117000000', 2020)).toEqual({ regionCode: '420117000000', year: 2020, members: 5, insured: 2, uninsured: 3, rate: 0.4 });
    expect(await coverage(villageB, 2020)).toEqual({ regionCode: villageB, year: 2020, members: 2, insured: 0, uninsured: 2, rate: 0 });
    expect(await coverage(villageB, 2021)).toEqual({ regionCode: villageB, year: 2021, members: 2, insured: 1, uninsured: 1, rate: 0.5 });
    // A township of the county with nobody registered: no members, so no rate (not 100%).
    expect(await coverage('420117998000', 2020)).toEqual({ regionCode: '420117998000', year: 2020, members: 0, insured: 0, uninsured: 0, rate: null });

    expect(errorCode(await officer.request(COVERAGE, { code: '420117000000', year: 2020 }))).toBe('FORBIDDEN');
    const [refusal] = await healthSql(`select action, outcome from audit_log where subject_id = ? order by id desc limit 1`, ['420117000000']);
    expect(refusal).toEqual({ action: 'read Query.insuranceCoverage', outcome: 'REFUSED' });
  });

  test('claims, family doctors and medical costs: other departments are refused and the refusal is audited', async () => {
    const h = await seed(hub.client).household({ villageCode: village });
    await officer.data(CLAIM, { input: claimInput(h.members[0]!.id) });
    await officer.data(CONTRACT, { input: { memberId: h.members[0]!.id, year: 2020, doctorTeam: '团队', signedOn: '2020-01-10' } });
    const reads = [
      ['Member.claims', `query($id: ID!) { household(id: $id) { members { claims(year: 2020) { totalCost } } } }`],
      ['Member.familyDoctor', `query($id: ID!) { household(id: $id) { members { familyDoctor(year: 2020) { doctorTeam } } } }`],
      ['Household.medical', `query($id: ID!) { household(id: $id) { medical(year: 2020) { totalCost } } }`],
    ] as const;
    for (const department of ['EDUCATION_AID', 'HOUSING_REPAIR', 'EMPLOYMENT'] as const) {
      const other = await hub.as('DEPARTMENT_OFFICER', '420115000000', department, `other-${department}`);
      for (const [field, query] of reads) {
        const res = await other.request<{ household: Record<string, unknown> & { members?: Record<string, unknown>[] } }>(query, { id: h.id });
        expect([field, errorCode(res)]).toEqual([field, 'FORBIDDEN']);
        const value = field === 'Household.medical' ? res.data!.household.medical : res.data!.household.members![0]![field.split('.')[1]!];
        expect([field, value]).toEqual([field, null]);
      }
      const audited = await healthSql(`select action from audit_log where actor = ? and outcome = 'REFUSED' order by id`, [`other-${department}`]);
      expect(audited.map((r) => r.action)).toEqual(reads.map(([field]) => `read ${field}`));
    }
  });

  test.each([
    ['recordClaim', CLAIM, (memberId: string) => claimInput(memberId)],
    ['signFamilyDoctorContract', CONTRACT, (memberId: string) => ({ memberId, year: 2020, doctorTeam: '团队', signedOn: '2020-01-10' })],
  ] as const)('%s: refused and audited for a caseworker, another department and a health officer of another county', async (action, mutation, input) => {
    const h = await seed(hub.client).household({ villageCode: village });
    const memberId = h.members[0]!.id;
    const before = await counts();
    const callers = [
      await hub.as('CASEWORKER', village, undefined, `cw-${action}`),
      await hub.as('DEPARTMENT_OFFICER', '420115000000', 'EMPLOYMENT', `employment-${action}`),
      await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HEALTH_INSURANCE', `huangpi-${action}`),
    ];
    for (const caller of callers) expect(errorCode(await caller.request(mutation, { input: input(memberId) }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const audit = await healthSql(`select actor, action, outcome, reason from audit_log where subject_id = ? order by id`, [memberId]);
    expect(audit).toEqual(['cw', 'employment', 'huangpi'].map((who) => ({ actor: `${who}-${action}`, action, outcome: 'REFUSED', reason: 'FORBIDDEN' })));
    // The department's own officer in the county may.
    await officer.data(mutation, { input: input(memberId) });
  });

  test('the serving role cannot write the roster replica', async () => {
    await expect(healthSql(`delete from roster`)).rejects.toThrow(/permission denied/);
  });
});

test('a write waits for the roster, then fails with a retryable error; the retry succeeds once it arrives', async () => {
  const name = rosterSubscriptionName(health().ownerUrl);
  const { Client } = (await import('pg')).default;
  const owner = new Client({ connectionString: health().ownerUrl });
  await owner.connect();
  try {
    await owner.query(`alter subscription "${name}" disable`);
    const h = await seed(hub.client).household({ villageCode: village });
    const before = await counts();
    const started = Date.now();
    const res = await officer.request(ENROLL, { input: enrollInput(h.members[0]!.id) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'ROSTER_BEHIND', retryable: true });
    expect(await counts()).toEqual(before);
    await owner.query(`alter subscription "${name}" enable`);
    let retried = await officer.request(ENROLL, { input: enrollInput(h.members[0]!.id) });
    for (let i = 0; i < 10 && errorCode(retried) === 'ROSTER_BEHIND'; i++) retried = await officer.request(ENROLL, { input: enrollInput(h.members[0]!.id) });
    expect(retried.errors).toBeUndefined();
  } finally {
    await owner.query(`alter subscription "${name}" enable`).catch(() => {});
    await owner.end();
  }
});

test('a page of 100 households with insurance, claims and medical costs the same SQL as a page of 10', async () => {
  const s = seed(hub.client);
  const v = await s.village();
  const households = [];
  for (let i = 0; i < 100; i++) households.push(await s.household({ villageCode: v }));
  for (let i = 0; i < 100; i += 10) {
    await Promise.all(households.slice(i, i + 10).map(async (h) => {
      await officer.data(CLAIM, { input: claimInput(h.members[0]!.id) });
      await officer.data(ENROLL, { input: enrollInput(h.members[1]!.id) });
    }));
  }
  const LIST = `query($code: ID!, $first: Int) { region(code: $code) { households(first: $first) { nodes { id
    members { id insurance(year: 2020) { scheme } claims(year: 2020) { outOfPocket } familyDoctor(year: 2020) { doctorTeam } }
    medical(year: 2020) { outOfPocketShare uninsuredMembers } } } } }`;
  const statementsFor = async (first: number) => {
    const { result, statements } = await health().sql.during(() => hub.client.data<{ region: any }>(LIST, { code: v, first }));
    const nodes = result.region.households.nodes;
    expect(nodes).toHaveLength(first);
    expect(nodes.every((h: any) => h.medical.uninsuredMembers === 1 && h.members[0].claims.length === 1 && h.members[1].insurance.scheme === 'RESIDENT_BASIC')).toBe(true);
    return statements;
  };
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred.length).toBe(ten.length);
  // member references + household references, enrollments, claims, contracts, medical
  expect(ten.length).toBeLessThanOrEqual(6);
});
