import { randomUUID } from 'node:crypto';
import { errorCode, householdInEveryReplica, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';

// Idempotency keys: a client that sends a mutation again with its Idempotency-Key (a retry
// after a timeout) gets the first answer and nothing is written twice; the same key with
// another request is refused; keys are each caller's own; racing duplicates write once.
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

const CLAIM = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id totalCost } }`;
const claim = (totalCost: string) => ({
  input: { memberId: h.members[0]!.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost, basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
});

const claims = async () => Number((await ownerQuery<{ n: string }>(hub, 'health-insurance', 'select count(*) as n from medical_claim'))[0]!.n);

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
