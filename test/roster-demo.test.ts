import { loadRosterDemo, type RosterDemo } from '@fupin/kit/bulk';
import { awaitInReplica, seed } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// The kit's demo loader: a department writes what to make for one person or one household;
// the kit reads the registry's roster, groups it by household, COPYs and reports.
let hub: Awaited<ReturnType<typeof startHub>>;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const health = () => hub.subgraphs['health-insurance']!;
const sql = (q: string) => health().orm.em.fork().getConnection().execute<Record<string, unknown>[]>(q);

test('one call per household with its members and one per person; rows are recorded by demo and replace earlier ones', async () => {
  const village = await seed(hub.client).village();
  const households = [
    await seed(hub.client).household({ villageCode: village }),
    await seed(hub.client).household({ villageCode: village, members: [{ relationToHead: 'HEAD' }] }),
    await seed(hub.client).household({ villageCode: village, members: [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE', gender: 'FEMALE' }, { relationToHead: 'CHILD', birthDate: '2012-02-02' }] }),
  ];
  const members = households.flatMap((h) => h.members);
  const seen: { household: string[]; member: number } = { household: [], member: 0 };
  const demo: RosterDemo<{ year: number }> = {
    tables: { family_doctor_contract: ['member_id', 'year', 'doctor_team', 'signed_on'], insurance_enrollment: ['member_id', 'year', 'scheme', 'premium', 'subsidy', 'critical_illness_cover', 'supplementary_cover'] },
    start: () => ({ year: 2020 }),
    household(list, _r, shared) {
      expect(new Set(list.map((m) => m.householdId)).size).toBe(1);
      seen.household.push(`${list[0]!.householdId}:${list.length}`);
      // One contract per household, for its first member.
      return { family_doctor_contract: [[list[0]!.memberId, shared.year, `${list.length} members`, '2020-01-02']] };
    },
    member(person, r, shared) {
      seen.member++;
      return { insurance_enrollment: [[person.memberId, shared.year, 'RESIDENT_BASIC', '280.00', String(r.int(0, 280)), true, false]] };
    },
  };
  const options = { databaseUrl: health().ownerUrl, rosterUrl: hub.subgraphs.households!.ownerUrl, seed: 7, piiKey: '', households: 0 };
  const summary = await loadRosterDemo('health-insurance', demo, options);
  expect(summary).toMatch(new RegExp(`^health-insurance: 3 family_doctor_contract, ${members.length} insurance_enrollment for ${members.length} members in `));
  expect(seen.household.sort()).toEqual(households.map((h) => `${h.id}:${h.members.length}`).sort());
  expect(seen.member).toBe(members.length);
  expect(await sql(`select doctor_team, recorded_by from family_doctor_contract order by doctor_team`)).toEqual([
    { doctor_team: '1 members', recorded_by: 'demo' }, { doctor_team: '2 members', recorded_by: 'demo' }, { doctor_team: '3 members', recorded_by: 'demo' },
  ]);

  // One enrollment per member, for every member, as the demo wrote it; the subsidies from the seeded random source.
  const enrollments = () => sql(`select member_id, year, scheme, premium::text, subsidy::text, critical_illness_cover, supplementary_cover, recorded_by from insurance_enrollment order by member_id`);
  const before = await enrollments();
  expect(before.map((r) => r.member_id)).toEqual(members.map((m) => m.id).sort());
  for (const r of before) {
    expect({ ...r, subsidy: undefined }).toEqual({ member_id: r.member_id, year: 2020, scheme: 'RESIDENT_BASIC', premium: '280.00', subsidy: undefined, critical_illness_cover: true, supplementary_cover: false, recorded_by: 'demo' });
    expect(Number(r.subsidy)).toBeGreaterThanOrEqual(0);
    expect(Number(r.subsidy)).toBeLessThanOrEqual(280);
  }
  // Another seed makes other records, and its load replaces the first (no row added)...
  const others = await loadRosterDemo('health-insurance', demo, { ...options, seed: 8 });
  expect(others).toMatch(new RegExp(`^health-insurance: 3 family_doctor_contract, ${members.length} insurance_enrollment for ${members.length} members in `));
  const reseeded = await enrollments();
  expect(reseeded.map((r) => r.member_id)).toEqual(before.map((r) => r.member_id));
  expect(reseeded.map((r) => r.subsidy)).not.toEqual(before.map((r) => r.subsidy));
  // ...and the same seed makes the same records again, replacing those.
  await loadRosterDemo('health-insurance', demo, options);
  expect(await enrollments()).toEqual(before);
  expect(seen.member).toBe(3 * members.length);
  expect(await sql(`select count(*)::int as n from family_doctor_contract`)).toEqual([{ n: 3 }]);

  // Only into a database never used: once its department has written, a demo load leaves it alone.
  await awaitInReplica(health().orm, members[0]!.id);
  await (await hub.as('DEPARTMENT_OFFICER', village, 'HEALTH_INSURANCE')).data(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, {
    input: { memberId: members[0]!.id, year: 2021, scheme: 'RESIDENT_BASIC', premium: 320, subsidy: 320 },
  });
  expect(await loadRosterDemo('health-insurance', demo, { ...options, onlyIfUnused: true })).toBeNull();
  expect(seen.member).toBe(3 * members.length);
  expect(await sql(`select count(*)::int as n from insurance_enrollment where year = 2021`)).toEqual([{ n: 1 }]);
  expect(await sql(`select member_id, year, scheme, premium::text, subsidy::text, critical_illness_cover, supplementary_cover, recorded_by from insurance_enrollment where year = 2020 order by member_id`)).toEqual(before);
});
