import { todayInChina } from '@fupin/kit';
import pg from 'pg';

/**
 * The raw-SQL floor: the rows a query's answer is made of, read with plain `pg` from each
 * department's own database (one statement per database, all at once: each department finds
 * the household's members on its roster replica), put together into the same JSON the gateway
 * answers. No HTTP, no GraphQL, no ORM. The benchmark checks the two are equal before it
 * measures either.
 */
export interface FloorPools {
  households: pg.Pool;
  'health-insurance': pg.Pool;
  'education-aid': pg.Pool;
  'housing-repair': pg.Pool;
  employment: pg.Pool;
}

export function floorPools(databaseUrl: (name: keyof FloorPools) => string, max: number): FloorPools {
  const pool = (name: keyof FloorPools) => new pg.Pool({ connectionString: databaseUrl(name), max });
  return { households: pool('households'), 'health-insurance': pool('health-insurance'), 'education-aid': pool('education-aid'), 'housing-repair': pool('housing-repair'), employment: pool('employment') };
}

export const endFloor = (pools: FloorPools) => Promise.all(Object.values(pools).map((p: pg.Pool) => p.end()));

/** numeric as the gateway's Money: a JSON number. */
const money = (v: string | null) => (v === null ? null : Number(v));
const fen = (v: string | null) => Math.round(Number(v ?? '0') * 100);

// Rows as pg returns them: their columns are read by name right below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
const byKey = (rows: Row[], key: string) => {
  const map = new Map<string, Row[]>();
  for (const r of rows) map.set(r[key], [...(map.get(r[key]) ?? []), r]);
  return map;
};

const HOUSING_SAFE = `
  case
    when exists (select 1 from relocation r where r.household_id = h.household_id and r.relocated_on <= d.as_of) then true
    when la.grade is null then false
    when la.grade in ('A', 'B') then true
    when exists (select 1 from renovation v where v.household_id = h.household_id and v.status in ('COMPLETED', 'ACCEPTED')
                  and v.completed_on between la.appraised_on and d.as_of and (la.grade = 'C' or v.kind = 'REBUILD')) then true
    else false
  end`;
const LATEST_APPRAISAL = `left join lateral (select a.grade, a.appraised_on from appraisal a where a.household_id = h.household_id and a.appraised_on <= d.as_of
                           order by a.appraised_on desc, a.recorded_at desc limit 1) la on true`;

/** `HouseholdView` without `coverage` (bench/src/serve/queries.ts), for one household. */
export async function floorHouseholdView(p: FloorPools, id: string, year: number): Promise<unknown> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [registry, health, education, housing, employment] = await Promise.all([
    p.households.query(
      `select h.id, h.household_number, h.status, h.type, h.main_cause, h.other_causes, h.safe_drinking_water, i.income_per_capita,
              v.code as village_code, v.name as village_name, t.name as township_name,
              m.id as member_id, m.name, m.id_number_masked, m.gender, m.birth_date::text, m.relation_to_head, m.health_status, m.labor_capacity
         from household h
         join region v on v.code = h.village_code left join region t on t.code = v.parent_code
         left join household_income i on i.household_id = h.id and i.year = $2
         join member m on m.household_id = h.id
        where h.id = $1
        order by m.position`,
      [id, year],
    ),
    p['health-insurance'].query(
      `select 'member' as what, r.member_id, e.scheme, e.premium, e.subsidy, e.critical_illness_cover,
              null::text as date, null as hospital, null::numeric as total_cost, null::numeric as out_of_pocket, null::boolean as one_stop
         from roster r left join insurance_enrollment e on e.member_id = r.member_id and e.year = $2 where r.household_id = $1
       union all
       select 'claim', c.member_id, null, null, null, null, c.date::text, c.hospital, c.total_cost, c.out_of_pocket, c.one_stop
         from roster r join medical_claim c on c.member_id = r.member_id and c.date between $3 and $4 where r.household_id = $1
        order by 1 desc, 2, 7`,
      [id, year, from, to],
    ),
    p['education-aid'].query(
      `select r.member_id, s.stage, s.school, s.status,
              (select coalesce(json_agg(json_build_object('program', g.program, 'amount', g.amount, 'paidOn', g.paid_on) order by g.paid_on, g.recorded_at), '[]')
                 from education_grant g where g.member_id = r.member_id and g.paid_on between $3 and $4) as grants
         from roster r left join schooling s on s.member_id = r.member_id and s.year = $2 where r.household_id = $1`,
      [id, year, from, to],
    ),
    p['housing-repair'].query(
      `select ${HOUSING_SAFE} as safe, la.grade, la.appraised_on::text,
              (select coalesce(json_agg(json_build_object('kind', v.kind, 'status', v.status, 'completedOn', v.completed_on) order by v.recorded_at), '[]')
                 from renovation v where v.household_id = h.household_id) as renovations,
              (select json_build_object('site', l.site, 'relocatedOn', l.relocated_on) from relocation l where l.household_id = h.household_id
                order by l.relocated_on desc, l.recorded_at desc limit 1) as relocation,
              exists (select 1 from roster r where r.household_id = h.household_id) as known
         from (select $1::uuid as household_id) h cross join (select $2::date as as_of) d ${LATEST_APPRAISAL}`,
      [id, todayInChina()],
    ),
    p.employment.query(
      `select r.member_id, e.status, e.months_worked, e.monthly_income,
              (select coalesce(json_agg(json_build_object('kind', s.kind, 'amount', s.amount) order by s.recorded_at), '[]')
                 from industry_support s where s.household_id = r.household_id and s.year = $2) as support
         from roster r left join employment e on e.member_id = r.member_id and e.year = $2 where r.household_id = $1`,
      [id, year],
    ),
  ]);
  const first = registry.rows[0];
  if (!first) return { household: null };
  const enrollments = new Map(health.rows.filter((r) => r.what === 'member').map((r) => [r.member_id, r]));
  const claims = byKey(health.rows.filter((r) => r.what === 'claim'), 'member_id');
  const schooling = new Map(education.rows.map((r) => [r.member_id, r]));
  const work = new Map(employment.rows.map((r) => [r.member_id, r]));
  const allClaims = [...claims.values()].flat();
  const total = allClaims.reduce((s, c) => s + fen(c.total_cost), 0);
  const oop = allClaims.reduce((s, c) => s + fen(c.out_of_pocket), 0);
  const h = housing.rows[0]!;
  return {
    household: {
      id: first.id,
      householdNumber: first.household_number,
      status: first.status,
      type: first.type,
      mainCause: first.main_cause,
      otherCauses: first.other_causes,
      safeDrinkingWater: first.safe_drinking_water,
      incomePerCapita: money(first.income_per_capita),
      village: { code: first.village_code, name: first.village_name, parent: first.township_name === null ? null : { name: first.township_name } },
      members: registry.rows.map((m) => {
        const e = enrollments.get(m.member_id);
        const s = schooling.get(m.member_id);
        const w = work.get(m.member_id);
        return {
          id: m.member_id,
          name: m.name,
          maskedIdNumber: m.id_number_masked,
          gender: m.gender,
          birthDate: m.birth_date,
          relationToHead: m.relation_to_head,
          healthStatus: m.health_status,
          laborCapacity: m.labor_capacity,
          insurance: e?.scheme ? { scheme: e.scheme, premium: money(e.premium), subsidy: money(e.subsidy), criticalIllnessCover: e.critical_illness_cover } : null,
          claims: (claims.get(m.member_id) ?? []).map((c) => ({ date: c.date, hospital: c.hospital, totalCost: money(c.total_cost), outOfPocket: money(c.out_of_pocket), oneStop: c.one_stop })),
          schooling: s?.stage ? { stage: s.stage, school: s.school, status: s.status } : null,
          grants: (s?.grants ?? []).map((g: Row) => ({ program: g.program, amount: Number(g.amount), paidOn: g.paidOn })),
          employment: w?.status ? { status: w.status, monthsWorked: w.months_worked, monthlyIncome: money(w.monthly_income) } : null,
        };
      }),
      housing: h.known
        ? {
            safe: h.safe,
            latestAppraisal: h.grade ? { grade: h.grade, appraisedOn: h.appraised_on } : null,
            renovations: h.renovations,
            relocation: h.relocation,
          }
        : null,
      medical: { totalCost: total / 100, outOfPocket: oop / 100, outOfPocketShare: total === 0 ? 0 : oop / total, uninsuredMembers: [...enrollments.values()].filter((e) => !e.scheme).length },
      industrySupport: (employment.rows[0]?.support ?? []).map((s: Row) => ({ kind: s.kind, amount: Number(s.amount) })),
    },
  };
}

/** `VillagePage` (bench/src/serve/queries.ts): a village's first 50 households with their members' department fields. */
export async function floorVillagePage(p: FloorPools, code: string, year: number): Promise<unknown> {
  const registry = await p.households.query(
    `with page as (select id, household_number, status from household where village_code = $1 order by household_number limit 50)
     select p.id, p.household_number, p.status, m.id as member_id, m.name, m.id_number_masked
       from page p join member m on m.household_id = p.id order by p.household_number, m.position`,
    [code],
  );
  const ids = [...new Set(registry.rows.map((r) => r.id as string))];
  const [health, education, housing, employment] = await Promise.all([
    p['health-insurance'].query(`select r.member_id, e.scheme from roster r join insurance_enrollment e on e.member_id = r.member_id and e.year = $2 where r.household_id = any($1)`, [ids, year]),
    p['education-aid'].query(`select r.member_id, s.stage, s.status from roster r join schooling s on s.member_id = r.member_id and s.year = $2 where r.household_id = any($1)`, [ids, year]),
    p['housing-repair'].query(`select h.household_id, ${HOUSING_SAFE} as safe from (select distinct household_id from roster where household_id = any($1)) h cross join (select $2::date as as_of) d ${LATEST_APPRAISAL}`, [ids, todayInChina()]),
    p.employment.query(`select r.member_id, e.status, e.months_worked from roster r join employment e on e.member_id = r.member_id and e.year = $2 where r.household_id = any($1)`, [ids, year]),
  ]);
  const insurance = new Map(health.rows.map((r) => [r.member_id, r]));
  const schooling = new Map(education.rows.map((r) => [r.member_id, r]));
  const safe = new Map(housing.rows.map((r) => [r.household_id, r.safe]));
  const work = new Map(employment.rows.map((r) => [r.member_id, r]));
  const members = byKey(registry.rows, 'id');
  return {
    region: {
      households: {
        nodes: ids.map((id) => {
          const rows = members.get(id)!;
          return {
            id,
            householdNumber: rows[0]!.household_number,
            status: rows[0]!.status,
            members: rows.map((m) => {
              const i = insurance.get(m.member_id);
              const s = schooling.get(m.member_id);
              const w = work.get(m.member_id);
              return {
                id: m.member_id,
                name: m.name,
                maskedIdNumber: m.id_number_masked,
                insurance: i ? { scheme: i.scheme } : null,
                schooling: s ? { stage: s.stage, status: s.status } : null,
                employment: w ? { status: w.status, monthsWorked: w.months_worked } : null,
              };
            }),
            housing: safe.has(id) ? { safe: safe.get(id) } : null,
          };
        }),
      },
    },
  };
}
