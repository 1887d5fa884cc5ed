import { awaitInReplicas, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';

// 200 clerks writing at once, through the gateway: claims and grants accumulate to the exact
// totals, employment (one record per person and year, recorded again it replaces) ends with
// exactly one record each, holding one of the values written; every acknowledged write is
// in the database; none failed.
let hub: Awaited<ReturnType<typeof startHub>>;
const households: SeededHousehold[] = [];

beforeAll(async () => {
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  const s = seed(hub.client);
  const village = await s.village();
  for (let i = 0; i < 10; i++) households.push(await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', birthDate: '1980-01-01' }, { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '2004-04-04' }] }));
  await awaitInReplicas(hub.subgraphs, households.at(-1)!.members.at(-1)!.id);
});
afterAll(() => hub?.stop());

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const rows = <T>(subgraph: string, sql: string) => ownerQuery<T>(hub, subgraph, sql);

test('200 concurrent writers: exact totals, every acknowledged write present, one employment record per person and year', async () => {
  const heads = households.map((h) => h.members[0]!);
  const students = households.map((h) => h.members[1]!);
  const writers: (() => Promise<{ kind: string; id?: string; fen: number; memberId: string; months?: number }>)[] = [];
  // 80 claims: total cost i + 100 yuan and cents, so a lost or doubled one shows in the total.
  for (let i = 0; i < 80; i++) {
    const member = heads[i % heads.length]!;
    const fen = 10_000 + i * 101;
    writers.push(async () => {
      const { recordClaim } = await hub.client.data<{ recordClaim: { id: string } }>(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
        input: { memberId: member.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: (fen / 100).toFixed(2), basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
      });
      return { kind: 'claim', id: recordClaim.id, fen, memberId: member.id };
    });
  }
  // 60 grants.
  for (let i = 0; i < 60; i++) {
    const member = students[i % students.length]!;
    const fen = 50_000 + i * 7;
    writers.push(async () => {
      const { recordGrant } = await hub.client.data<{ recordGrant: { id: string } }>(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, {
        input: { memberId: member.id, program: 'RAIN_DEW', amount: (fen / 100).toFixed(2), paidOn: '2021-10-01' },
      });
      return { kind: 'grant', id: recordGrant.id, fen, memberId: member.id };
    });
  }
  // 60 employment records, six writers for each of the ten heads' 2021, at once.
  for (let i = 0; i < 60; i++) {
    const member = heads[i % heads.length]!;
    const months = 1 + (i % 12);
    writers.push(async () => {
      await hub.client.data(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, {
        input: { memberId: member.id, year: 2021, status: 'LOCAL', monthsWorked: months, monthlyIncome: '2000.00' },
      });
      return { kind: 'employment', fen: 0, memberId: member.id, months };
    });
  }
  expect(writers).toHaveLength(200);
  const acknowledged = await Promise.all(writers.map((w) => w()));

  const claims = acknowledged.filter((a) => a.kind === 'claim');
  const storedClaims = await rows<{ id: string; fen: string }>('health-insurance', `select id, (total_cost * 100)::bigint as fen from medical_claim`);
  expect(storedClaims).toHaveLength(80);
  expect(new Set(storedClaims.map((c) => c.id))).toEqual(new Set(claims.map((c) => c.id)));
  expect(sum(storedClaims.map((c) => Number(c.fen)))).toBe(sum(claims.map((c) => c.fen)));

  const grants = acknowledged.filter((a) => a.kind === 'grant');
  const storedGrants = await rows<{ id: string; fen: string }>('education-aid', `select id, (amount * 100)::bigint as fen from education_grant`);
  expect(new Set(storedGrants.map((g) => g.id))).toEqual(new Set(grants.map((g) => g.id)));
  expect(sum(storedGrants.map((g) => Number(g.fen)))).toBe(sum(grants.map((g) => g.fen)));

  // Through the gateway too: each household's medical total is the sum of its head's claims.
  for (const h of households) {
    const { household } = await hub.client.data<{ household: { medical: { claims: number; totalCost: number } } }>(
      `query($id: ID!) { household(id: $id) { medical(year: 2021) { claims totalCost } } }`,
      { id: h.id },
    );
    const own = claims.filter((c) => c.memberId === h.members[0]!.id);
    expect(household.medical).toEqual({ claims: own.length, totalCost: sum(own.map((c) => c.fen)) / 100 });
  }

  const employment = await rows<{ member_id: string; months_worked: number }>('employment', `select member_id, months_worked from employment where year = 2021`);
  expect(employment).toHaveLength(heads.length);
  for (const e of employment) {
    const written = acknowledged.filter((a) => a.kind === 'employment' && a.memberId === e.member_id).map((a) => a.months);
    expect(written).toContain(e.months_worked);
  }
}, 120_000);
