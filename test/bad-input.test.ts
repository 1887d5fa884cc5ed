import fc from 'fast-check';
import { buildSchema, type GraphQLField, getNamedType, getNullableType, type GraphQLInputObjectType, type GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { awaitInReplicas, meetExitStandard, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// Bad input, generated: every mutation of the schema, each sent with one field of a valid input
// made wrong (a value of the wrong type, missing, null, an unknown field, an enum that is none,
// a bad check digit, unknown and malformed IDs and codes, negative, huge and three-decimal
// money, impossible and future dates, oversize and control-character text, injection strings).
// Property: a clear error — never INTERNAL_SERVER_ERROR, never data — every service still alive,
// and afterwards not one row changed in any database.
const RUNS = Number(process.env.FUPIN_FUZZ_RUNS ?? 1500);

let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;
let renovationId: string;
let village: string;

const INJECTION = [`' or '1'='1`, `1; drop table household; --`, `$(rm -rf /)`, `<script>alert(1)</script>`, `../../etc/passwd`, `{"$gt": ""}`];
const CONTROL = ['a\u0000b', '\u0007\u0008', 'name\u001b[31m', '\u202e反转'];
const OVERSIZE = 'x'.repeat(5000);
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

/** A valid input for each mutation, over the seeded household: what one field at a time is spoiled in. */
function baselines(): Record<string, Record<string, unknown>> {
  const [head, spouse] = h.members as [SeededHousehold['members'][number], SeededHousehold['members'][number]];
  const s = seed(hub.client);
  return {
    registerRegion: { input: { code: `${village.slice(0, 9)}998`, name: '新村', isPovertyVillage: false } },
    registerHousehold: { input: s.householdInput({ villageCode: village }) },
    recordIncome: { input: { householdId: h.id, year: 2021, incomePerCapita: '5000.00' } },
    changeHouseholdStatus: { input: { householdId: h.id, status: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } },
    setRuralPopulation: { input: { regionCode: village, ruralPopulation: 800 } },
    revealIdNumber: { memberId: head.id, reason: '核查身份' },
    enrollInsurance: { input: { memberId: spouse.id, year: 2021, scheme: 'RESIDENT_BASIC', premium: '280.00', subsidy: '200.00', criticalIllnessCover: true, supplementaryCover: false } },
    recordClaim: { input: { memberId: head.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: '100.00', basicPaid: '50.00', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: true } },
    signFamilyDoctorContract: { input: { memberId: head.id, year: 2021, doctorTeam: '乡卫生院一组', signedOn: '2021-02-01' } },
    recordSchooling: { input: { memberId: spouse.id, year: 2021, stage: 'VOCATIONAL', school: '职业学校', status: 'ENROLLED' } },
    recordGrant: { input: { memberId: spouse.id, program: 'RAIN_DEW', amount: '1500.00', paidOn: '2021-10-01' } },
    recordAppraisal: { input: { householdId: h.id, grade: 'B', appraisedOn: '2021-04-01', appraiser: '鉴定组' } },
    recordRenovation: { input: { householdId: h.id, kind: 'REPAIR', subsidy: '10000.00', status: 'PLANNED' } },
    advanceRenovation: { input: { renovationId, status: 'IN_PROGRESS', startedOn: '2021-06-01' } },
    recordRelocation: { input: { householdId: h.id, site: '安置点', relocatedOn: '2021-09-01' } },
    recordEmployment: { input: { memberId: head.id, year: 2021, status: 'LOCAL', monthsWorked: 6, monthlyIncome: '2000.00', employer: '合作社' } },
    recordIndustrySupport: { input: { householdId: h.id, year: 2021, kind: 'LIVESTOCK', amount: '3000.00' } },
    recordTraining: { input: { memberId: head.id, course: '电工', hours: 40, trainedOn: '2021-03-01' } },
  };
}

/** Values that are wrong for a field, by its name and type. */
function wrongValues(field: string, type: GraphQLInputType, current: unknown): unknown[] {
  const named = getNamedType(type);
  const list = isListType(getNullableType(type));
  const byType: unknown[] = [{ nested: 'object' }, [1, 2]];
  if (isEnumType(named)) byType.push('NOT_A_VALUE', String(current ?? 'x').toLowerCase(), 7);
  switch (named.name) {
    case 'String':
      byType.push(12345, true, OVERSIZE, ...CONTROL);
      break;
    case 'ID':
      byType.push('not-an-id', '', OVERSIZE, true, ...INJECTION, ...CONTROL);
      if (/Id$/.test(field)) byType.push(UNKNOWN_UUID);
      if (/[Cc]ode$/.test(field)) byType.push('999999999999', '4201150000001', '42011500000');
      break;
    case 'Int':
      byType.push('12', 1.5, 2 ** 31, -(2 ** 31) - 1, -1, ...(field === 'ruralPopulation' ? [] : [99_999]));
      if (/[Yy]ear$/.test(field)) byType.push(1949, 2013, 3000);
      break;
    case 'Boolean':
      byType.push('yes', 1);
      break;
    case 'Money':
      byType.push('-1', '-0.01', '0.001', '12.345', 'abc', '1e3', 'NaN', 'Infinity', '99999999999999999999.00', '1,000', -5, '');
      break;
    case 'Date':
      byType.push('2020-02-30', '2021-13-01', '2999-01-01', '1900-01-01', 'yesterday', '2021-1-1', '', 20210101);
      break;
  }
  if (field === 'idNumber' && typeof current === 'string') {
    const last = current.slice(-1);
    byType.push(current.slice(0, 17) + (last === '0' ? '1' : '0'), current.slice(0, 17), `${current.slice(0, 6)}20991301${current.slice(14)}`);
  }
  if (list) byType.push(['NOT_A_VALUE'], 'scalar');
  return byType;
}

interface Spoil {
  mutation: string;
  /** Where in the variables, and how. */
  path: (string | number)[];
  how: 'value' | 'missing' | 'null' | 'unknown field';
  value?: unknown;
}

function spoiled(variables: Record<string, unknown>, spoil: Spoil): Record<string, unknown> {
  const copy = structuredClone(variables);
  let parent = copy as Record<string | number, unknown>;
  for (const key of spoil.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = spoil.path.at(-1)!;
  if (spoil.how === 'missing') delete parent[last];
  else if (spoil.how === 'null') parent[last] = null;
  else if (spoil.how === 'unknown field') (parent[last] as Record<string, unknown>).injected = `' or 1=1 --`;
  else parent[last] = spoil.value;
  return copy;
}

/** Each row of every table of every subgraph's database (but the audit log, where a refusal is recorded, and derived figures). */
async function fingerprints(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const sub of Object.values(hub.subgraphs)) {
    const client = new pg.Client({ connectionString: sub.ownerUrl });
    await client.connect();
    try {
      const tables = await client.query<{ t: string }>(
        `select tablename as t from pg_tables where schemaname = 'public'
           and tablename not in ('audit_log', 'mikro_orm_migrations') and tablename not like 'four_zeros_%' and tablename not like 'village_figure%'`,
      );
      for (const { t } of tables.rows) {
        const { rows } = await client.query(`select count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from "${t}" x`);
        out[`${sub.name}.${t}`] = rows[0].f;
      }
    } finally {
      await client.end();
    }
  }
  return out;
}

beforeAll(async () => {
  // A thousand requests in seconds from one caller: the rate limit is not what is tested here.
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  const s = seed(hub.client);
  village = await s.village();
  h = await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', birthDate: '1980-01-01' }, { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '2003-03-03' }] });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  await meetExitStandard(hub.client, h);
  const { recordRenovation } = await hub.client.data<{ recordRenovation: { id: string } }>(
    `mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`,
    { input: { householdId: h.id, kind: 'REPAIR', subsidy: '10000.00', status: 'PLANNED' } },
  );
  renovationId = recordRenovation.id;
});
afterAll(() => hub?.stop());

test(`${RUNS} generated bad inputs across every mutation: a clear error each, no internal error, every service up, no row changed`, async () => {
  const schema = supergraph();
  const mutations = schema.getMutationType()!.getFields();
  const valid = baselines();
  // Every mutation the schema has is fuzzed: a new one without a baseline fails here.
  expect(Object.keys(valid).sort()).toEqual(Object.keys(mutations).sort());

  // Every way to spoil each mutation's input, one field at a time.
  const spoils: Spoil[] = [];
  for (const [name, field] of Object.entries(mutations)) {
    const visit = (type: GraphQLInputObjectType, value: Record<string, unknown>, path: (string | number)[]) => {
      spoils.push({ mutation: name, path, how: 'unknown field' });
      for (const [key, f] of Object.entries(type.getFields())) {
        const at = [...path, key];
        if (isNonNullType(f.type)) spoils.push({ mutation: name, path: at, how: 'null' });
        // A field with a default may be left out.
        if (isNonNullType(f.type) && f.defaultValue === undefined) spoils.push({ mutation: name, path: at, how: 'missing' });
        for (const v of wrongValues(key, f.type, value[key])) spoils.push({ mutation: name, path: at, how: 'value', value: v });
        const inner = getNamedType(f.type);
        if (isInputObjectType(inner) && Array.isArray(value[key])) visit(inner, (value[key] as Record<string, unknown>[])[0]!, [...at, 0]);
      }
    };
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(named, valid[name]![arg.name] as Record<string, unknown>, [arg.name]);
      else {
        spoils.push({ mutation: name, path: [arg.name], how: 'missing' }, { mutation: name, path: [arg.name], how: 'null' });
        for (const v of wrongValues(arg.name, arg.type, valid[name]![arg.name])) spoils.push({ mutation: name, path: [arg.name], how: 'value', value: v });
      }
    }
  }
  const documents = Object.fromEntries(Object.entries(mutations).map(([name, field]) => [name, documentOf(name, field)]));

  const before = await fingerprints();
  const codes: Record<string, number> = {};
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...spoils), async (spoil) => {
      sent++;
      const res = await hub.client.request<Record<string, unknown>>(documents[spoil.mutation]!, spoiled(valid[spoil.mutation]!, spoil));
      const errors = res.errors ?? [];
      const code = String(errors[0]?.extensions?.code ?? 'NO ERROR');
      codes[code] = (codes[code] ?? 0) + 1;
      expect({ spoil, code }).toEqual({ spoil, code: expect.not.stringMatching(/^(INTERNAL_SERVER_ERROR|NO ERROR|DEPARTMENT_UNAVAILABLE)$/) });
      expect(res.data?.[spoil.mutation] ?? null).toBeNull();
    }),
    { numRuns: RUNS, seed: Number(process.env.FUPIN_FUZZ_SEED ?? 20141017), endOnFailure: true },
  );
  console.log(`bad input: ${sent} inputs over ${spoils.length} ways to spoil ${Object.keys(mutations).length} mutations; codes ${JSON.stringify(codes)}`);
  expect(sent).toBeGreaterThanOrEqual(RUNS);
  for (const sub of [...Object.values(hub.subgraphs).map((s) => s.url), new URL(hub.gatewayUrl).origin]) {
    expect((await fetch(`${sub}/health/ready`)).status).toBe(200);
  }
  expect(await fingerprints()).toEqual(before);
}, 600_000);

// The inputs spoiled above are valid as they are: each refusal came from the field spoiled.
test('each baseline input, unspoiled, is accepted', async () => {
  const schema = supergraph();
  const mutations = schema.getMutationType()!.getFields();
  for (const [name, variables] of Object.entries(baselines())) {
    const res = await hub.client.request(documentOf(name, mutations[name]!), variables);
    expect({ name, errors: res.errors ?? [] }).toEqual({ name, errors: [] });
  }
});

/** The composed schema the gateway serves (its mutations, their input types). */
const supergraph = () => buildSchema(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });

/** The mutation as a client sends it, its arguments as variables. */
function documentOf(name: string, field: GraphQLField<unknown, unknown>): string {
  const leaf = !('getFields' in getNamedType(field.type));
  return `mutation(${field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) { ${name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${leaf ? '' : ' { __typename }'} }`;
}
