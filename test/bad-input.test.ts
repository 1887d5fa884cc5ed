import {
  buildSchema,
  type GraphQLField,
  getNamedType,
  getNullableType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  validate,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { awaitInReplicas, type GraphQLClient, type GraphQLResponse, meetExitStandard, seed, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { changed, fingerprint } from './support/fingerprint.js';
import { startHub } from './support/hub.js';

// Bad input, generated: every mutation of the schema, each sent with one field of a valid input
// made wrong (a value of the wrong type, missing, null, an unknown field, an enum that is none,
// a bad check digit, unknown and malformed IDs and codes, negative, huge and three-decimal
// money, impossible and future dates, oversize and control-character text, injection strings).
// Every case is sent every way it can reach a server: through the gateway as a variable and as
// an inline literal (the two are coerced by different code in graphql-js, and the gateway passes
// a custom scalar through unread), and straight at the subgraph that owns the mutation, signed as
// the gateway would sign it, both ways again (what the subgraph refuses on its own, with no
// gateway in front). Property: a clear error — never INTERNAL_SERVER_ERROR, never data — every
// service still alive, and afterwards not one row of any department's own tables changed.

let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;
let renovationId: string;
/** A household lifted through its procedure; a proposal published (NOTICE); one waiting for the county. */
let lifted: SeededHousehold;
let atNotice: string;
let atCounty: string;
let toWithdraw: string;
let village: string;
/** A poverty village that meets the exit rule for 2020 (a rural population, nobody poor). */
let exitVillage: string;

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
    changeHouseholdStatus: { input: { householdId: lifted.id, status: 'MONITORED', effectiveDate: '2021-03-01', reason: '脱贫后监测' } },
    proposeStatusChange: { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } },
    objectToStatusChange: { id: atNotice, objection: '村民反映收入不实' },
    reviewStatusChange: { id: atNotice, approve: true, reason: '乡镇审核通过' },
    decideStatusChange: { id: atCounty, approve: true, reason: '县级审定' },
    withdrawStatusChange: { id: toWithdraw, reason: '户主申请撤回' },
    setRuralPopulation: { input: { regionCode: village, year: 2020, ruralPopulation: 800 } },
    recordVillageExit: { input: { villageCode: exitVillage, year: 2020, reason: '县级审定' } },
    // Registry upkeep, dated after the household was identified.
    addMember: { input: { householdId: h.id, effectiveDate: '2021-06-01', reason: 'BIRTH', member: { name: '小宝', idNumber: s.idNumber('2021-05-30'), relationToHead: 'CHILD', healthStatus: 'HEALTHY', laborCapacity: 'NONE' } } },
    removeMember: { input: { memberId: spouse.id, effectiveDate: '2021-06-01', reason: 'MOVED_AWAY' } },
    updateHousehold: { input: { householdId: h.id, effectiveDate: '2021-06-01', reason: '改水', safeDrinkingWater: false } },
    updateMember: { input: { memberId: head.id, effectiveDate: '2021-06-01', reason: '复核劳动能力', laborCapacity: 'WEAK' } },
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
  // Region codes are ID or String: malformed ones either way.
  if (/[Cc]ode$/.test(field) && (named.name === 'ID' || named.name === 'String')) byType.push('999999999999', '4201150000001', '42011500000', '000000000000', '42011500a001');
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
  /** The type of the field spoiled with a value. */
  type?: GraphQLInputType;
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

beforeAll(async () => {
  // A thousand requests in seconds from one caller: the rate limit is not what is tested here.
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  const s = seed(hub.client);
  village = await s.village();
  h = await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', birthDate: '1980-01-01' }, { relationToHead: 'SPOUSE', gender: 'FEMALE', birthDate: '2003-03-03' }] });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  await meetExitStandard(hub.client, h);
  exitVillage = await s.region(`${village.slice(0, 9)}997`, '出列村', true);
  await hub.client.data(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, { input: { regionCode: exitVillage, year: 2020, ruralPopulation: 1000 } });
  const { recordRenovation } = await hub.client.data<{ recordRenovation: { id: string } }>(
    `mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`,
    { input: { householdId: h.id, kind: 'REPAIR', subsidy: '10000.00', status: 'PLANNED' } },
  );
  renovationId = recordRenovation.id;
  // The status procedure's steps need proposals at each step, by other people than the admin.
  const ready = async () => {
    const x = await s.household({ villageCode: village });
    await awaitInReplicas(hub.subgraphs, x.members.at(-1)!.id);
    await meetExitStandard(hub.client, x);
    return x;
  };
  lifted = await ready();
  await throughProcedure(hub, lifted.id, 'LIFTED', '2020-12-20');
  const PROPOSE = `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id } }`;
  const proposer = await hub.as('CASEWORKER');
  const propose = async () => (await proposer.data<{ proposeStatusChange: { id: string } }>(PROPOSE, { input: { householdId: (await ready()).id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } })).proposeStatusChange.id;
  atNotice = await propose();
  atCounty = await propose();
  toWithdraw = await propose();
  await (await hub.as('COUNTY_OFFICER')).data(`mutation($id: ID!) { reviewStatusChange(id: $id, approve: true, reason: "乡镇审核") { step } }`, { id: atCounty });
});
afterAll(() => hub?.stop());

/** The ways a case reaches a server: each is tried with every case. */
interface Way {
  name: string;
  send(mutation: string, variables: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>>;
}

test('every generated bad input across every mutation, sent every way: a clear error each, no internal error, every service up, no row changed', async () => {
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
        for (const v of wrongValues(key, f.type, value[key])) spoils.push({ mutation: name, path: at, how: 'value', value: v, type: f.type });
        const inner = getNamedType(f.type);
        if (isInputObjectType(inner) && Array.isArray(value[key])) visit(inner, (value[key] as Record<string, unknown>[])[0]!, [...at, 0]);
      }
    };
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(named, valid[name]![arg.name] as Record<string, unknown>, [arg.name]);
      else {
        spoils.push({ mutation: name, path: [arg.name], how: 'missing' }, { mutation: name, path: [arg.name], how: 'null' });
        for (const v of wrongValues(arg.name, arg.type, valid[name]![arg.name])) spoils.push({ mutation: name, path: [arg.name], how: 'value', value: v, type: arg.type });
      }
    }
  }

  const admin = { subject: 'bad-input', role: 'ADMIN', regionCode: '000000000000' } as const;
  const direct: Record<string, GraphQLClient> = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, sub]) => [name, sub.as(admin)]));
  const viaVariables = (client: (m: string) => GraphQLClient) => (m: string, variables: Record<string, unknown>) => client(m).request<Record<string, unknown>>(documentOf(m, mutations[m]!), variables);
  const viaLiteral = (client: (m: string) => GraphQLClient) => (m: string, variables: Record<string, unknown>) => client(m).request<Record<string, unknown>>(literalDocumentOf(m, mutations[m]!, variables), {});
  const owner = (m: string) => direct[ownerOf(mutations[m]!)]!;
  const WAYS: Way[] = [
    { name: 'gateway, variable', send: viaVariables(() => hub.client) },
    { name: 'gateway, literal', send: viaLiteral(() => hub.client) },
    { name: 'owning subgraph, variable', send: viaVariables(owner) },
    { name: 'owning subgraph, literal', send: viaLiteral(owner) },
  ];

  const before = await fingerprint(hub);
  const codes: Record<string, Record<string, number>> = {};
  const wrong: unknown[] = [];
  const ran = new Set<string>();
  const cases = spoils.flatMap((spoil, i) => WAYS.map((way) => ({ i, spoil, way })));
  // A few at a time: the services are shared with other test files on two cores.
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const { i, spoil, way } = c;
        const sentCase = { way: way.name, mutation: spoil.mutation, path: spoil.path.join('.'), how: spoil.how, value: spoil.value };
        // A response the client refuses (one that carried a full ID number) is a wrong answer too.
        const res = await way.send(spoil.mutation, spoiled(valid[spoil.mutation]!, spoil)).catch((err: Error) => err);
        ran.add(`${i} ${way.name}`);
        if (res instanceof Error) {
          wrong.push({ ...sentCase, thrown: res.message });
          continue;
        }
        const code = String(res.errors?.[0]?.extensions?.code ?? 'NO ERROR');
        (codes[way.name] ??= {})[code] = (codes[way.name]![code] ?? 0) + 1;
        const data = res.data?.[spoil.mutation] ?? null;
        const expected = expectedCodes(spoil, way.name);
        if (!expected.test(code) || data !== null) wrong.push({ ...sentCase, code, message: res.errors?.[0]?.message, data });
      }
    }),
  );
  console.log(`bad input: ${ran.size} requests, ${spoils.length} cases × ${WAYS.length} ways over ${Object.keys(mutations).length} mutations; codes ${JSON.stringify(codes)}`);
  // A wrong answer and a changed table are shown together: a write let through shows as both.
  expect({ wrong: wrong.length, first: wrong.slice(0, 40), changed: changed(before, await fingerprint(hub)) }).toEqual({ wrong: 0, first: [], changed: [] });
  // Each case each way, exactly: a case dropped or a way skipped shows here.
  expect(ran.size).toBe(cases.length);
  expect(cases.length).toBe(spoils.length * WAYS.length);
  for (const sub of [...Object.values(hub.subgraphs).map((s) => s.url), new URL(hub.gatewayUrl).origin]) {
    expect((await fetch(`${sub}/health/ready`)).status).toBe(200);
  }
}, 900_000);

/**
 * What a case may answer. A value the server reads and refuses is BAD_USER_INPUT, whichever way
 * it came: a custom scalar's refusal (Money, Date) and a malformed region code included. A
 * literal of the wrong GraphQL type fails validation; an ID or code well formed but unknown is
 * NOT_FOUND. Never an internal error, never a department's absence, never success.
 */
function expectedCodes(spoil: Spoil, way: string): RegExp {
  const named = spoil.type && getNamedType(spoil.type);
  if (spoil.how === 'value' && named && isScalarType(named) && !isSpecifiedScalarType(named)) return /^BAD_USER_INPUT$/;
  if (spoil.how === 'value' && /[Cc]ode$/.test(String(spoil.path.at(-1))) && typeof spoil.value === 'string') {
    return /^\d{12}$/.test(spoil.value) && !/^0+$/.test(spoil.value) ? /^(BAD_USER_INPUT|NOT_FOUND)$/ : /^BAD_USER_INPUT$/;
  }
  return way.endsWith('literal') ? /^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|NOT_FOUND)$/ : /^(BAD_USER_INPUT|NOT_FOUND)$/;
}

// The inputs spoiled above are valid as they are: each refusal came from the field spoiled.
test('each baseline input, unspoiled, is accepted', async () => {
  const schema = supergraph();
  const mutations = schema.getMutationType()!.getFields();
  for (const [name, variables] of Object.entries(baselines())) {
    // The literal way writes a valid document: a refusal it met came from the value spoiled.
    expect({ name, errors: validate(schema, parse(literalDocumentOf(name, mutations[name]!, variables))) }).toEqual({ name, errors: [] });
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

/** The composed schema's `@join__field(graph: X)` of a mutation: the subgraph it is sent to. */
function ownerOf(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  if (graph?.kind !== Kind.ENUM) throw new Error(`${field.name}: no owning subgraph in the supergraph`);
  return graph.value.toLowerCase().replaceAll('_', '-');
}

/** The mutation with its arguments written inline, as a hand-written client would send them. */
function literalDocumentOf(name: string, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): string {
  const leaf = !('getFields' in getNamedType(field.type));
  const args = field.args.filter((a) => a.name in variables).map((a) => `${a.name}: ${literalOf(variables[a.name], a.type)}`);
  return `mutation { ${name}${args.length ? `(${args.join(', ')})` : ''}${leaf ? '' : ' { __typename }'} }`;
}

/** A value as GraphQL literal text: an enum's name bare, everything else as JSON would write it (GraphQL strings read JSON's escapes). */
function literalOf(value: unknown, type: GraphQLInputType | undefined): string {
  const nullable = type && getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literalOf(v, nullable && isListType(nullable) ? nullable.ofType : nullable)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {};
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literalOf(v, fields[k]?.type)}`).join(', ')} }`;
  }
  const named = type && getNamedType(type);
  if (typeof value === 'string' && named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value)) return value;
  return JSON.stringify(value);
}
