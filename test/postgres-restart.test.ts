import { awaitInReplica, householdInEveryReplica, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';
import { type OwnPostgres, ownPostgres } from './support/own-postgres.js';

// PostgreSQL restarted under write load, the services left running: while it is down,
// readiness says so and requests fail with a typed, retryable error (no process dies); once it
// is back, they reconnect by themselves and serve, the roster replication resumes, and every
// write acknowledged before, during and after is in the database.
let postgres: OwnPostgres;
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;
let village: string;

beforeAll(async () => {
  // A server of this file's own: the suite's shared one must not go down under other files.
  postgres = await ownPostgres('restart');
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  h = await householdInEveryReplica(hub);
  village = (await hub.client.data<{ household: { village: { code: string } } }>(`query($id: ID!) { household(id: $id) { village { code } } }`, { id: h.id })).household.village.code;
}, 120_000);
afterAll(async () => {
  await hub?.stop().catch(() => {});
  await postgres?.release();
});

const CLAIM = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`;
const claim = (n: number) => ({
  input: { memberId: h.members[0]!.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: `${10 + n}.00`, basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
});
// The hospital of the one write sent while the server is down: it must never be found.
const WHILE_DOWN = '停机时的医院';
const READ = `query($id: ID!) { household(id: $id) { id members { claims(year: 2021) { id } } } }`;

test('PostgreSQL restarted under load: typed errors while it is down, reconnected without a restart, nothing acknowledged lost', async () => {
  const acknowledged: string[] = [];
  const refusedCodes = new Set<string>();
  let writing = true;
  let n = 0;
  const clerks = Array.from({ length: 4 }, async () => {
    while (writing) {
      const res = await hub.client.request<{ recordClaim: { id: string } }>(CLAIM, claim(n++));
      if (res.data?.recordClaim) acknowledged.push(res.data.recordClaim.id);
      else refusedCodes.add(String(res.errors?.[0]?.extensions?.code));
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));

  await postgres.stop();
  const health = hub.subgraphs['health-insurance']!;
  expect((await fetch(`${health.url}/health/ready`)).status).toBe(503);
  const down = await hub.client.request(READ, { id: h.id });
  expect(down.errors?.length).toBeGreaterThan(0);
  for (const e of down.errors!) expect(e.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  // That read failed at the registry before a department was asked; a department answers for
  // its own database too: a root field only it serves, and a write, refused as such.
  const unavailable = (field: string) => [expect.objectContaining({ path: [field], extensions: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', retryable: true }) })];
  const own = await hub.client.request<{ insuranceCoverage: unknown }>(`query($c: ID!) { insuranceCoverage(regionCode: $c, year: 2021) { members } }`, { c: village });
  expect(own.errors).toEqual(unavailable('insuranceCoverage'));
  const refused = await hub.client.request<{ recordClaim: unknown }>(CLAIM, { input: { ...claim(0).input, hospital: WHILE_DOWN } });
  expect(refused.errors).toEqual(unavailable('recordClaim'));
  expect(refused.data?.recordClaim ?? null).toBeNull();

  await postgres.start();
  const until = Date.now() + 20_000;
  for (;;) {
    const res = await hub.client.request(READ, { id: h.id });
    if (!res.errors) break;
    if (Date.now() > until) throw new Error(`not serving again: ${JSON.stringify(res.errors)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every service serves again, the same processes.
  for (const sub of Object.values(hub.subgraphs)) expect((await fetch(`${sub.url}/health/ready`)).status).toBe(200);
  const before = acknowledged.length;
  while (acknowledged.length < before + 20) await new Promise((r) => setTimeout(r, 20));
  writing = false;
  await Promise.all(clerks);
  // While it was down the writes were refused as such, never as an internal error.
  expect([...refusedCodes].filter((c) => c !== 'DATABASE_UNAVAILABLE')).toEqual([]);

  // The roster replication resumed: a household registered now reaches the department.
  const s = seed(hub.client);
  const later = await s.household({ villageCode: (await hub.client.data<{ household: { village: { code: string } } }>(`query($id: ID!) { household(id: $id) { village { code } } }`, { id: h.id })).household.village.code });
  await awaitInReplica(health.orm, later.members.at(-1)!.id);

  // No connection a transaction held when the server went away stays checked out of the pool.
  const pool = (await health.orm.em.getConnection().getNativeClient()) as unknown as { totalCount: number; idleCount: number };
  const settled = Date.now() + 5000;
  while (pool.totalCount !== pool.idleCount && Date.now() < settled) await new Promise((r) => setTimeout(r, 100));
  expect(pool.totalCount - pool.idleCount).toBe(0);
  const rows = await ownerQuery<{ n: string }>(hub, 'health-insurance', 'select count(*) as n from medical_claim where id = any($1::uuid[])', [acknowledged]);
  expect(Number(rows[0]!.n)).toBe(acknowledged.length);
  const written = await ownerQuery<{ n: string }>(hub, 'health-insurance', 'select count(*) as n from medical_claim where hospital = $1', [WHILE_DOWN]);
  expect(Number(written[0]!.n)).toBe(0);
}, 120_000);
