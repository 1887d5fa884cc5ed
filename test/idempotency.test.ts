import { randomUUID } from 'node:crypto';
import { answerSealer } from '@fupin/kit';
import { errorCode, householdInEveryReplica, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';

// Idempotency keys: a client that sends a mutation again with its Idempotency-Key (a retry
// after a timeout) gets the first answer and nothing is written twice; the same key with
// another request is refused; keys are each caller's own; racing duplicates write once. A
// replay is judged as the write was, for the caller who asks now; every outcome is audited;
// answers are kept sealed, and purged after their keeping time.
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

const CLAIM = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id totalCost } }`;
const claim = (totalCost: string) => ({
  input: { memberId: h.members[0]!.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost, basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
});

const claims = async () => Number((await ownerQuery<{ n: string }>(hub, 'health-insurance', 'select count(*) as n from medical_claim'))[0]!.n);
/** The health department's audit rows of one token subject, oldest first. */
const auditOf = (actor: string) =>
  ownerQuery<{ action: string; subject_id: string | null; outcome: string; reason: string | null; role: string; region: string }>(
    hub,
    'health-insurance',
    'select action, subject_id, outcome, reason, role, region from audit_log where actor = $1 order by id',
    [actor],
  );
const keyRows = (subgraph: string, key: string) => ownerQuery<Record<string, unknown>>(hub, subgraph, 'select * from idempotency_key where key = $1', [key]);

beforeAll(async () => {
  hub = await startHub();
  h = await householdInEveryReplica(hub);
});
afterAll(() => hub?.stop());

test('sent again with its key: the first answer, one row', async () => {
  const key = randomUUID();
  const before = await claims();
  const first = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('120.00'), { 'idempotency-key': key });
  expect(first.errors).toBeUndefined();
  const again = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('120.00'), { 'idempotency-key': key });
  expect(again).toEqual(first);
  expect(await claims()).toBe(before + 1);
  // Without a key, the same request is another claim.
  await hub.client.data(CLAIM, claim('120.00'));
  expect(await claims()).toBe(before + 2);
});

test('the same key with another request is refused and writes nothing', async () => {
  const key = randomUUID();
  await hub.client.data(CLAIM, claim('50.00'));
  const before = await claims();
  await hub.client.request(CLAIM, claim('70.00'), { 'idempotency-key': key });
  const other = await hub.client.request(CLAIM, claim('71.00'), { 'idempotency-key': key });
  expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(other.data?.recordClaim ?? null).toBeNull();
  expect(await claims()).toBe(before + 1);
});

test('a key is its caller’s own: another caller with the same key writes its own claim', async () => {
  const key = randomUUID();
  const other = await hub.as('ADMIN', '000000000000', undefined, 'another-admin');
  const before = await claims();
  const a = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('30.00'), { 'idempotency-key': key });
  const b = await other.request<{ recordClaim: { id: string } }>(CLAIM, claim('30.00'), { 'idempotency-key': key });
  expect(a.data!.recordClaim.id).not.toBe(b.data!.recordClaim.id);
  expect(await claims()).toBe(before + 2);
});

test('ten copies racing with one key write once; each answer is the claim or a retryable "in progress", and a retry gets the claim', async () => {
  const key = randomUUID();
  const before = await claims();
  const answers = await Promise.all(Array.from({ length: 10 }, () => hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('88.00'), { 'idempotency-key': key })));
  expect(await claims()).toBe(before + 1);
  const ids = new Set(answers.flatMap((a) => (a.data?.recordClaim ? [a.data.recordClaim.id] : [])));
  expect(ids.size).toBe(1);
  for (const a of answers.filter((x) => x.errors)) expect(a.errors![0]).toMatchObject({ extensions: { code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true } });
  const retry = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('88.00'), { 'idempotency-key': key });
  expect(retry.data!.recordClaim.id).toBe([...ids][0]);
});

test('a refused write keeps no key: corrected and sent with the same key, it is written', async () => {
  const key = randomUUID();
  const before = await claims();
  const bad = await hub.client.request(CLAIM, { input: { ...claim('10.00').input, memberId: randomUUID() } }, { 'idempotency-key': key });
  expect(errorCode(bad)).toBe('NOT_FOUND');
  const corrected = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim('10.00'), { 'idempotency-key': key });
  expect(corrected.errors).toBeUndefined();
  expect(await claims()).toBe(before + 1);
});

test('a key must be printable and name one mutation field', async () => {
  expect(errorCode(await hub.client.request(CLAIM, claim('1.00'), { 'idempotency-key': 'has space' }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await hub.client.request(CLAIM, claim('1.00'), { 'idempotency-key': 'x'.repeat(129) }))).toBe('BAD_USER_INPUT');
  const two = `mutation($input: RecordClaimInput!) { a: recordClaim(input: $input) { id } b: recordClaim(input: $input) { id } }`;
  const before = await claims();
  expect(errorCode(await hub.client.request(two, claim('1.00'), { 'idempotency-key': randomUUID() }))).toBe('BAD_USER_INPUT');
  expect(await claims()).toBe(before);
});

describe('a replay is judged as the write was, for the caller who asks now', () => {
  const COUNTY = '420115000000';
  test('the same subject with another role, department or region gets FORBIDDEN, not the answer; the same caller, or a wider jurisdiction, gets the first answer', async () => {
    const subject = `officer-${randomUUID()}`;
    const key = randomUUID();
    const officer = await hub.as('DEPARTMENT_OFFICER', COUNTY, 'HEALTH_INSURANCE', subject);
    const before = await claims();
    const first = await officer.request<{ recordClaim: { id: string; totalCost: string } }>(CLAIM, claim('61.00'), { 'idempotency-key': key });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordClaim.id).toEqual(expect.any(String));
    // A new token for the same subject: the key is the subject's, the judgement is the token's.
    const refusedAs = [
      await hub.as('AUDITOR', COUNTY, undefined, subject), // a role that may not write claims
      await hub.as('DEPARTMENT_OFFICER', COUNTY, 'EDUCATION_AID', subject), // another department
      await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HEALTH_INSURANCE', subject), // another county
    ];
    for (const client of refusedAs) {
      const replay = await client.request<{ recordClaim: unknown }>(CLAIM, claim('61.00'), { 'idempotency-key': key });
      expect(errorCode(replay)).toBe('FORBIDDEN');
      expect(replay.data?.recordClaim ?? null).toBeNull();
      expect(JSON.stringify(replay)).not.toContain(first.data!.recordClaim.id);
    }
    // Judged again, not compared: a city officer whose jurisdiction holds the village may have it.
    const city = await hub.as('DEPARTMENT_OFFICER', '420100000000', 'HEALTH_INSURANCE', subject);
    expect(await city.request(CLAIM, claim('61.00'), { 'idempotency-key': key })).toEqual(first);
    expect(await officer.request(CLAIM, claim('61.00'), { 'idempotency-key': key })).toEqual(first);
    expect(await claims()).toBe(before + 1);
    expect(await auditOf(subject)).toEqual([
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'ALLOWED', reason: null, role: 'DEPARTMENT_OFFICER', region: COUNTY },
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'REFUSED', reason: 'FORBIDDEN', role: 'AUDITOR', region: COUNTY },
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'REFUSED', reason: 'FORBIDDEN', role: 'DEPARTMENT_OFFICER', region: COUNTY },
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'REFUSED', reason: 'FORBIDDEN', role: 'DEPARTMENT_OFFICER', region: '420116000000' },
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'ALLOWED', reason: 'IDEMPOTENT_REPLAY', role: 'DEPARTMENT_OFFICER', region: '420100000000' },
      { action: 'recordClaim', subject_id: first.data!.recordClaim.id, outcome: 'ALLOWED', reason: 'IDEMPOTENT_REPLAY', role: 'DEPARTMENT_OFFICER', region: COUNTY },
    ]);
    // What the write was judged on is kept with its key: the member's village is its one region.
    const [row] = await keyRows('health-insurance', key);
    expect(row).toMatchObject({ subject, field: 'recordClaim', role: 'DEPARTMENT_OFFICER', region: COUNTY, department: 'HEALTH_INSURANCE', subject_id: first.data!.recordClaim.id, regions: [expect.stringMatching(/^420115\d{6}$/)] });
  });
});

describe('every outcome of a key is audited', () => {
  test('a reused key, a replay, a key in progress and one applied whose answer was lost leave their rows', async () => {
    const subject = `auditee-${randomUUID()}`;
    const key = randomUUID();
    const officer = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HEALTH_INSURANCE', subject);
    const first = await officer.request<{ recordClaim: { id: string } }>(CLAIM, claim('62.00'), { 'idempotency-key': key });
    const id = first.data!.recordClaim.id;
    expect(errorCode(await officer.request(CLAIM, claim('63.00'), { 'idempotency-key': key }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await officer.request(CLAIM, claim('62.00'), { 'idempotency-key': key })).toEqual(first);
    // The write committed, its answer not kept yet (the service stopped in between): in progress, then applied.
    await ownerQuery(hub, 'health-insurance', 'update idempotency_key set response = null where key = $1', [key]);
    expect(errorCode(await officer.request(CLAIM, claim('62.00'), { 'idempotency-key': key }))).toBe('IDEMPOTENT_REQUEST_IN_PROGRESS');
    await ownerQuery(hub, 'health-insurance', "update idempotency_key set created_at = now() - interval '1 minute' where key = $1", [key]);
    expect(errorCode(await officer.request(CLAIM, claim('62.00'), { 'idempotency-key': key }))).toBe('IDEMPOTENT_REQUEST_APPLIED');
    expect((await auditOf(subject)).map((r) => [r.action, r.subject_id, r.outcome, r.reason])).toEqual([
      ['recordClaim', id, 'ALLOWED', null],
      ['recordClaim', id, 'REFUSED', 'IDEMPOTENCY_KEY_REUSED'],
      ['recordClaim', id, 'ALLOWED', 'IDEMPOTENT_REPLAY'],
      ['recordClaim', id, 'REFUSED', 'IDEMPOTENT_REQUEST_IN_PROGRESS'],
      ['recordClaim', id, 'REFUSED', 'IDEMPOTENT_REQUEST_APPLIED'],
    ]);
  });

  test('racing copies: each "in progress" answer and each replay has its audit row', async () => {
    const subject = `racer-${randomUUID()}`;
    const key = randomUUID();
    const officer = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HEALTH_INSURANCE', subject);
    const answers = await Promise.all(Array.from({ length: 6 }, () => officer.request<{ recordClaim: { id: string } }>(CLAIM, claim('64.00'), { 'idempotency-key': key })));
    // Each copy gets the claim or a retryable "in progress", never an internal error.
    for (const a of answers) expect(a.data?.recordClaim ? 'CLAIM' : a.errors?.[0]?.extensions).toEqual(a.data?.recordClaim ? 'CLAIM' : expect.objectContaining({ code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true }));
    const rows = await auditOf(subject);
    const count = (outcome: string, reason: string | null) => rows.filter((r) => r.outcome === outcome && r.reason === reason).length;
    expect(count('ALLOWED', null)).toBe(1);
    expect(count('REFUSED', 'IDEMPOTENT_REQUEST_IN_PROGRESS')).toBe(answers.filter((a) => errorCode(a) === 'IDEMPOTENT_REQUEST_IN_PROGRESS').length);
    expect(count('ALLOWED', 'IDEMPOTENT_REPLAY')).toBe(answers.filter((a) => a.data?.recordClaim).length - 1);
    expect(rows).toHaveLength(answers.length);
  });
});

test('a kept answer holds no personal data in plain text: names and ID numbers are sealed, and the replay still has them', async () => {
  const key = randomUUID();
  const s = seed(hub.client);
  const input = s.householdInput({ villageCode: await s.village(), members: [{ relationToHead: 'HEAD', name: '欧阳幂等' }, { relationToHead: 'SPOUSE', name: '司马重放', gender: 'FEMALE' }] });
  const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id householdNumber members { id name maskedIdNumber birthDate } } }`;
  const first = await hub.client.request<{ registerHousehold: { id: string; members: { name: string; maskedIdNumber: string }[] } }>(REGISTER, { input }, { 'idempotency-key': key });
  expect(first.errors).toBeUndefined();
  const shown = first.data!.registerHousehold.members;
  expect(shown.map((m) => m.name)).toEqual(['欧阳幂等', '司马重放']);
  const [row] = await keyRows('households', key);
  expect(typeof row!.response).toBe('string');
  const stored = JSON.stringify(row);
  for (const m of input.members) {
    expect(stored).not.toContain(m.name);
    expect(stored).not.toContain(m.idNumber);
  }
  for (const m of shown) expect(stored).not.toContain(m.maskedIdNumber);
  // Sealed with the subgraph's own key (from its role secret; the gateway secret in tests), it opens to the answer the client had.
  const { status: _status, ...body } = first;
  expect(JSON.parse(answerSealer(hub.gatewaySecret).decrypt(row!.response as string))).toEqual(body);
  expect(await hub.client.request(REGISTER, { input }, { 'idempotency-key': key })).toEqual(first);
});

test('keys are purged by the upkeep after their keeping time; the key can then be used anew', async () => {
  const [old, fresh] = [randomUUID(), randomUUID()];
  expect((await hub.client.request(CLAIM, claim('65.00'), { 'idempotency-key': old })).errors).toBeUndefined();
  expect((await hub.client.request(CLAIM, claim('66.00'), { 'idempotency-key': fresh })).errors).toBeUndefined();
  // Past the default 24 hours.
  await ownerQuery(hub, 'health-insurance', "update idempotency_key set created_at = now() - interval '25 hours' where key = $1", [old]);
  await hub.subgraphs['health-insurance']!.upkeep();
  expect(await keyRows('health-insurance', old)).toEqual([]);
  expect(await keyRows('health-insurance', fresh)).toHaveLength(1);
  // Another request with the purged key is a new write, not IDEMPOTENCY_KEY_REUSED.
  const before = await claims();
  const again = await hub.client.request<{ recordClaim: { totalCost: string } }>(CLAIM, claim('67.00'), { 'idempotency-key': old });
  expect(again.errors).toBeUndefined();
  expect(await claims()).toBe(before + 1);
  expect(errorCode(await hub.client.request(CLAIM, claim('68.00'), { 'idempotency-key': fresh }))).toBe('IDEMPOTENCY_KEY_REUSED');
});
