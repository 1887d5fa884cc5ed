import { PersonalDataCipher, readIdNumber } from '@fupin/kit';
import { migratedTestDatabase } from '@fupin/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { households, seedRegistry } from '../src/index.js';
import { generateHouseholds, planRegions } from '../src/demo/registry-generator.js';

describe('the demo county generator', () => {
  test('the same seed gives the same county; every household follows the registry rules', () => {
    const plan = planRegions(500, 7);
    const first = [...generateHouseholds(plan, 7)];
    const again = [...generateHouseholds(planRegions(500, 7), 7)];
    expect(again).toEqual(first);
    expect(first).toHaveLength(500);

    const ids = new Set<string>();
    for (const { household, members, history } of first) {
      expect(members.filter((m) => m.relationToHead === 'HEAD')).toHaveLength(1);
      expect(members.filter((m) => m.relationToHead === 'SPOUSE').length).toBeLessThanOrEqual(1);
      for (const m of members) {
        const facts = readIdNumber(m.idNumber, '2026-01-01');
        expect(facts).toEqual({ idNumber: m.idNumber, birthDate: m.birthDate, gender: m.gender });
        expect(ids.has(m.idNumber)).toBe(false);
        ids.add(m.idNumber);
        expect(m.disabilityGrade === null).toBe(m.healthStatus !== 'DISABLED');
      }
      expect(history[0]).toMatchObject({ status: 'POOR', effectiveDate: `${household.identifiedYear}-01-01` });
      expect(history.at(-1)!.status).toBe(household.status);
      const dates = history.map((h) => h.effectiveDate);
      expect([...dates].sort()).toEqual(dates);
    }
    // A realistic mix: illness leads the causes; most households lifted.
    const causes = first.map((g) => g.household.mainCause);
    expect(causes.filter((c) => c === 'ILLNESS').length / 500).toBeGreaterThan(0.3);
    expect(first.filter((g) => g.household.status === 'LIFTED').length / 500).toBeGreaterThan(0.6);
  });

  test('regions form a tree under a real county, with households only in villages', () => {
    const plan = planRegions(2000, 1);
    const codes = new Set(plan.regions.map((r) => r.code));
    for (const r of plan.regions) if (r.parentCode) expect(codes.has(r.parentCode)).toBe(true);
    expect(plan.regions.find((r) => r.code === '420115000000')?.name).toBe('江夏区');
    expect(plan.householdsPerVillage.reduce((a, b) => a + b, 0)).toBe(2000);
    for (const v of plan.villages) expect(plan.regions.find((r) => r.code === v)?.level).toBe('VILLAGE');
  });
});

describe('seedRegistry', () => {
  const piiKey = PersonalDataCipher.newKey();
  let db: Awaited<ReturnType<typeof migratedTestDatabase>>;
  let orm: MikroORM;
  const count = async (table: string) => Number((await orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);

  beforeAll(async () => {
    db = await migratedTestDatabase('seed', households);
    orm = db.orm;
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('loads a county through COPY, then refuses a second load without replace, changing nothing', async () => {
    const indexes = async () => (await orm.em.fork().getConnection().execute<{ indexname: string }[]>(`select indexname from pg_indexes where schemaname = 'public' order by 1`)).map((r) => r.indexname);
    const before = await indexes();
    const report = await seedRegistry(db.url, { households: 1000, seed: 3, piiKey });
    expect(report.households).toBe(1000);
    expect(await count('household')).toBe(1000);
    expect(await count('member')).toBe(report.members);
    // The roster is filled for the whole load, and its triggers are back on.
    expect(await count('roster')).toBe(report.members);
    const [{ n: enabled }] = await orm.em.fork().getConnection().execute(`select count(*) as n from pg_trigger where tgname = 'roster_sync' and tgenabled = 'O'`);
    expect(Number(enabled)).toBe(2);
    // Registered poor (ever_poor) filled for the load as the triggers keep it, and its trigger back on.
    const [{ wrong, poor }] = await orm.em.fork().getConnection().execute(
      `select count(*) filter (where r.ever_poor <> exists (select 1 from household_status_change s where s.household_id = r.household_id and s.status = 'POOR'))::int as wrong,
              count(*) filter (where r.ever_poor)::int as poor
         from roster r`);
    expect({ wrong, poorAtAll: poor > 0 }).toEqual({ wrong: 0, poorAtAll: true });
    const [{ n: everPoorOn }] = await orm.em.fork().getConnection().execute(`select count(*)::int as n from pg_trigger where tgname = 'roster_ever_poor' and tgenabled = 'O'`);
    expect(everPoorOn).toBe(2);
    // Indexes dropped for the load are all back.
    expect(await indexes()).toEqual(before);
    expect(await count('household_status_change')).toBeGreaterThanOrEqual(1000);
    // Households in every step of the status procedure; the approved exits match their history.
    const steps = await orm.em.fork().getConnection().execute<{ step: string; n: string }[]>(
      `select case when step = 'NOTICE' and notice_ends_on <= (now() at time zone 'Asia/Shanghai')::date then 'TOWNSHIP' else step end as step, count(*) as n
         from status_change_proposal group by 1 order by 1`,
    );
    expect(steps.map((r) => r.step)).toEqual(['APPROVED', 'COUNTY', 'NOTICE', 'REJECTED', 'TOWNSHIP']);
    for (const r of steps) expect(Number(r.n)).toBeGreaterThan(0);
    const [{ n: unmatched }] = await orm.em.fork().getConnection().execute(
      `select count(*) as n from status_change_proposal p join household h on h.id = p.household_id
        where (p.step = 'APPROVED' and not exists (select 1 from household_status_change c where c.household_id = p.household_id and c.status = 'LIFTED' and c.effective_date = p.effective_date))
           or (p.step in ('NOTICE', 'COUNTY', 'REJECTED') and h.status <> 'POOR')`,
    );
    expect(Number(unmatched)).toBe(0);
    // ID numbers are stored sealed: no plain text, ciphertext that opens with the key.
    const [row] = await orm.em.fork().getConnection().execute(`select id_number, id_number_encrypted, id_number_masked from member limit 1`);
    expect(row.id_number).toBeNull();
    const plain = new PersonalDataCipher(piiKey).decrypt(row.id_number_encrypted);
    expect(readIdNumber(plain, '2026-01-01')).toMatchObject({ idNumber: plain });
    expect(row.id_number_masked).toBe(`${plain.slice(0, 6)}********${plain.slice(-4)}`);
    // Stored money is exact decimal text.
    const [{ v }] = await orm.em.fork().getConnection().execute(`select min(scale(income_per_capita)) as v from household_income`);
    expect(Number(v)).toBe(2);

    await expect(seedRegistry(db.url, { households: 10, seed: 4, piiKey })).rejects.toThrow(/--replace/);
    expect(await count('household')).toBe(1000);

    const replaced = await seedRegistry(db.url, { households: 10, seed: 4, replace: true, piiKey });
    expect(await count('household')).toBe(10);
    expect(await count('member')).toBe(replaced.members);
  });
});
