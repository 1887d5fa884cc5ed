import { readFile } from 'node:fs/promises';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { type Caller, COVERAGE_SOURCES, DEPARTMENTS, type Role } from '@fupin/kit';
import { errorCode, type GraphQLClient, type GraphQLResponse, meetExitStandard, seed, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { changed, type Fingerprint, fingerprint } from './support/fingerprint.js';
import { startHub } from './support/hub.js';

// Who may do what, on every path: each role (and each department's officer) × each read path
// (root fields, nested fields, `_entities` straight at a subgraph) and each write, every cell
// declared in one table below and every refusal found in the owning subgraph's audit log.
// The columns are the roles and every department code of subgraphs/subgraphs.json: a
// department new to the hub is a column with no edit here, its officer expected to reach what
// every department in the table reaches and nothing else (below). To put its own paths in the
// table, it adds a column to TABLE_COLUMNS, its rows to MATRIX and its paths to PATHS. A test
// below derives the rows the code asks for from schema/permissions.json and the supergraph: a
// field with a rule and no row fails it (for the subgraphs the table knows: LABELS).
//
// y: allowed (no error, a value); n: refused with FORBIDDEN, null, and audited; anything else is an error.
const ROLE_COLUMNS = ['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'AUDITOR'] as const;
const TABLE_COLUMNS = [...ROLE_COLUMNS, 'HEALTH_INSURANCE', 'EDUCATION_AID', 'HOUSING_REPAIR', 'EMPLOYMENT'];
const COLUMNS: string[] = [...ROLE_COLUMNS, ...DEPARTMENTS];
const MATRIX = `
                                         ADM  CNTY CW   AUD  HLTH EDU  HOUS EMPL
  Query.household                        y    y    y    y    y    y    y    y
  Query.member                           y    y    y    y    y    y    y    y
  Query.memberByIdNumber                 y    y    y    y    y    y    y    y
  Query.region                           y    y    y    y    y    y    y    y
  Member.name                            y    y    y    y    y    y    y    y
  Member.maskedIdNumber                  y    y    y    y    y    y    y    y
  Member.gender                          y    y    y    y    y    y    y    y
  Member.birthDate                       y    y    y    y    y    y    y    y
  Member.healthStatus                    y    y    y    y    y    n    n    n
  Member.disabilityGrade                 y    y    y    y    y    n    n    n
  Member.laborCapacity                   y    y    y    y    n    n    n    y
  Household.mainCause                    y    y    y    y    n    n    n    n
  Household.otherCauses                  y    y    y    y    n    n    n    n
  Household.helper                       y    y    y    y    n    n    n    n
  Household.exitEvidence                 y    y    y    y    n    n    n    n
  Household.incomePerCapita              y    y    y    y    n    n    n    n
  Household.statusHistory                y    y    y    y    n    n    n    n
  Household.statusChanges                y    y    y    y    n    n    n    n
  Household.coverage                     y    y    y    y    n    n    n    n
  Region.fourZeros                       y    y    y    y    n    n    n    n
  Region.exitCandidates                  y    y    y    y    n    n    n    n
  Mutation.setRuralPopulation            y    y    n    n    n    n    n    n
  Mutation.recordVillageExit             y    y    n    n    n    n    n    n
  Query.auditLog                         y    n    n    y    n    n    n    n
  Query.auditLogs                        y    n    n    y    n    n    n    n
  AuditLogs.households                   y    n    n    y    n    n    n    n
  _entities AuditLogs (households)       y    n    n    y    n    n    n    n
  _entities Household (households)       y    y    y    y    y    y    y    y
  _entities Member (households)          y    y    y    y    y    y    y    y
  _entities Region (households)          y    y    y    y    n    n    n    n
  Mutation.registerRegion                y    y    n    n    n    n    n    n
  Mutation.registerHousehold             y    y    n    n    n    n    n    n
  Mutation.recordIncome                  y    y    y    n    n    n    n    n
  Mutation.changeHouseholdStatus         y    y    n    n    n    n    n    n
  Mutation.proposeStatusChange           y    y    y    n    n    n    n    n
  Mutation.objectToStatusChange          y    y    y    n    n    n    n    n
  Mutation.reviewStatusChange            y    y    y    n    n    n    n    n
  Mutation.decideStatusChange            y    y    n    n    n    n    n    n
  Mutation.withdrawStatusChange          y    y    n    n    n    n    n    n
  Query.statusChanges                    y    y    y    y    n    n    n    n
  Mutation.revealIdNumber                y    y    y    n    n    n    n    n
  Mutation.addMember                     y    y    n    n    n    n    n    n
  Mutation.removeMember                  y    y    n    n    n    n    n    n
  Mutation.updateHousehold               y    y    n    n    n    n    n    n
  Mutation.updateMember                  y    y    n    n    n    n    n    n
  HouseholdAsOf.mainCause                y    y    y    y    n    n    n    n
  HouseholdAsOf.otherCauses              y    y    y    y    n    n    n    n
  HouseholdAsOf.helper                   y    y    y    y    n    n    n    n
  Member.insurance                       y    y    y    y    y    n    n    n
  Member.claims                          y    y    y    y    y    n    n    n
  Member.familyDoctor                    y    y    y    y    y    n    n    n
  Household.medical                      y    y    y    y    y    n    n    n
  Query.insuranceCoverage                y    y    y    y    y    n    n    n
  FourZeros.highMedicalBurdenHouseholds  y    y    y    y    n    n    n    n
  AuditLogs.healthInsurance              y    n    n    y    n    n    n    n
  _entities AuditLogs (health)           y    n    n    y    n    n    n    n
  _entities Member (health)              y    y    y    y    y    n    n    n
  _entities Household (health)           y    y    y    y    y    n    n    n
  _entities FourZeros (health)           y    y    y    y    y    n    n    n
  Mutation.enrollInsurance               y    n    n    n    y    n    n    n
  Mutation.recordClaim                   y    n    n    n    y    n    n    n
  Mutation.signFamilyDoctorContract      y    n    n    n    y    n    n    n
  Member.schooling                       y    y    y    y    n    y    n    n
  Member.grants                          y    y    y    y    n    y    n    n
  Query.dropouts                         y    y    y    y    n    y    n    n
  FourZeros.dropoutMembers               y    y    y    y    n    n    n    n
  AuditLogs.educationAid                 y    n    n    y    n    n    n    n
  _entities AuditLogs (education)        y    n    n    y    n    n    n    n
  _entities Member (education)           y    y    y    y    n    y    n    n
  _entities FourZeros (education)        y    y    y    y    n    y    n    n
  Mutation.recordSchooling               y    n    n    n    n    y    n    n
  Mutation.recordGrant                   y    n    n    n    n    y    n    n
  Household.housing                      y    y    y    y    n    n    y    n
  Query.unsafeHousing                    y    y    y    y    n    n    y    n
  FourZeros.unsafeHousingHouseholds      y    y    y    y    n    n    n    n
  AuditLogs.housingRepair                y    n    n    y    n    n    n    n
  _entities AuditLogs (housing)          y    n    n    y    n    n    n    n
  _entities Household (housing)          y    y    y    y    n    n    y    n
  _entities FourZeros (housing)          y    y    y    y    n    n    y    n
  Mutation.recordAppraisal               y    n    n    n    n    n    y    n
  Mutation.recordRenovation              y    n    n    n    n    n    y    n
  Mutation.advanceRenovation             y    n    n    n    n    n    y    n
  Mutation.recordRelocation              y    n    n    n    n    n    y    n
  Member.employment                      y    y    y    y    n    n    n    y
  Member.trainings                       y    y    y    y    n    n    n    y
  Household.industrySupport              y    y    y    y    n    n    n    y
  Query.zeroEmploymentHouseholds         y    y    y    y    n    n    n    y
  Query.membersWithoutWork               y    y    y    y    n    n    n    y
  FourZeros.zeroEmploymentHouseholds     y    y    y    y    n    n    n    n
  AuditLogs.employment                   y    n    n    y    n    n    n    n
  _entities AuditLogs (employment)       y    n    n    y    n    n    n    n
  _entities Member (employment)          y    y    y    y    n    n    n    y
  _entities Household (employment)       y    y    y    y    n    n    n    y
  _entities FourZeros (employment)       y    y    y    y    n    n    n    y
  Mutation.recordEmployment              y    n    n    n    n    n    n    y
  Mutation.recordTraining                y    n    n    n    n    n    n    y
  Mutation.recordIndustrySupport         y    n    n    n    n    n    n    y
`;

// Every path again for callers of another county (ADMIN is national), with the subgraph whose
// own jurisdiction check must refuse it. A path through `household(id)` or `region(code)` is
// refused by the registry before a department is asked; a department's root fields, writes and
// `_entities` reach the department, which must refuse them itself: a department that trusted
// the registry to have refused first would pass them.
const ELSEWHERE = '420116000000';
const REFUSED_BY: Record<string, Path['subgraph'] | 'no jurisdiction'> = {
  // An auditor of another county reads the log of callers within their own jurisdiction.
  'Query.auditLog': 'no jurisdiction', 'Query.auditLogs': 'no jurisdiction', 'AuditLogs.households': 'no jurisdiction', 'AuditLogs.healthInsurance': 'no jurisdiction',
  'AuditLogs.educationAid': 'no jurisdiction', 'AuditLogs.housingRepair': 'no jurisdiction', 'AuditLogs.employment': 'no jurisdiction', '_entities AuditLogs (households)': 'no jurisdiction',
  '_entities AuditLogs (health)': 'no jurisdiction', '_entities AuditLogs (education)': 'no jurisdiction', '_entities AuditLogs (housing)': 'no jurisdiction', '_entities AuditLogs (employment)': 'no jurisdiction',
  'Member.insurance': 'households', 'Member.claims': 'households', 'Member.familyDoctor': 'households', 'Household.medical': 'households',
  'Member.schooling': 'households', 'Member.grants': 'households',
  'Household.housing': 'households',
  'Member.employment': 'households', 'Member.trainings': 'households', 'Household.industrySupport': 'households',
};
const refuserOf = (name: string) => REFUSED_BY[name] ?? PATHS[name]!.subgraph;

interface Fixture {
  county: string;
  village: string;
  /** With a helper, another cause and a DISABLED member (`disabled`): every registry field has a value. */
  household: SeededHousehold;
  disabled: string;
  /** Exited (LIFTED) through the hub: it has exit evidence. */
  lifted: SeededHousehold;
  fresh(): Promise<SeededHousehold>;
  /** A village code under the fixture's township nobody has registered yet. */
  newVillageCode(): string;
}
interface Path {
  subgraph: 'households' | 'health-insurance' | 'education-aid' | 'housing-repair' | 'employment';
  /** What the path needs written first (as ADMIN), apart from the call: done before a batch's fingerprint. */
  prepare?(f: Fixture): Promise<unknown>;
  /** Runs the path as the caller, over what `prepare` made; `value` is what it returned (null when refused). */
  run(as: { gateway: GraphQLClient; direct: GraphQLClient }, f: Fixture, prepared?: unknown): Promise<{ res: GraphQLResponse<unknown>; value: unknown }>;
}

const q = (query: string, pick: (d: any) => unknown, variables: (f: Fixture) => Record<string, unknown> = (f) => ({ id: f.household.id })) =>
  async ({ gateway }: { gateway: GraphQLClient }, f: Fixture) => {
    const res = await gateway.request<any>(query, variables(f));
    return { res, value: res.data ? pick(res.data) : null };
  };
// What each entity's representation carries, for the fixture.
const KEYS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  Household: (f) => ({ id: f.household.id }),
  Member: (f) => ({ id: f.household.members[0]!.id }),
  Region: (f) => ({ code: f.county }),
  FourZeros: (f) => ({ regionCode: f.county, year: 2020 }),
  AuditLogs: () => ({ id: 'hub' }),
};
const entities = (typename: string, selection: string, pick: (entity: any) => unknown = (e) => e) => async ({ direct }: { direct: GraphQLClient }, f: Fixture) => {
  const res = await direct.request<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`, { r: [{ __typename: typename, ...KEYS[typename]!(f) }] });
  return { res, value: pick(res.data?._entities?.[0] ?? null) };
};
const auditLogOf = (field: string) => entities('AuditLogs', `${field}(first: 1) { totalCount }`, (e) => e?.[field]);
const fourZerosOf = (field: string) => entities('FourZeros', field, (e) => e?.[field]);
// Through the gateway a department's count is asked only once the registry let `Region.fourZeros` through.
const fourZerosAt = (field: string) => q(`query($c: ID!) { region(code: $c) { fourZeros(year: 2020) { ${field} } } }`, (d) => d.region?.fourZeros?.[field], (f) => ({ c: f.county }));
const HOUSEHOLD = (fields: string) => `query($id: ID!) { household(id: $id) { ${fields} } }`;

const PROPOSE_STATUS = `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id } }`;
/** A proposed exit of a household of its own, by people other than any caller of the table: published (NOTICE), or reviewed (COUNTY). */
async function proposedAt(f: Fixture, step: 'NOTICE' | 'COUNTY'): Promise<string> {
  const h = await f.fresh();
  await meetExitStandard(fixtureAdmin, h);
  const proposer = await hub.as('CASEWORKER', f.county, undefined, 'matrix-proposer');
  const { proposeStatusChange } = await proposer.data<{ proposeStatusChange: { id: string } }>(PROPOSE_STATUS, { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-01', reason: '脱贫' } });
  if (step === 'COUNTY') {
    await (await hub.as('COUNTY_OFFICER', f.county, undefined, 'matrix-reviewer')).data(`mutation($id: ID!) { reviewStatusChange(id: $id, approve: true, reason: "审核") { id } }`, { id: proposeStatusChange.id });
  }
  return proposeStatusChange.id;
}

const PATHS: Record<string, Path> = {
  'Query.household': { subgraph: 'households', run: q(HOUSEHOLD('id'), (d) => d.household) },
  'Query.member': { subgraph: 'households', run: q(`query($id: ID!) { member(id: $id) { id } }`, (d) => d.member, (f) => ({ id: f.household.members[0]!.id })) },
  'Query.memberByIdNumber': { subgraph: 'households', run: q(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, (d) => d.memberByIdNumber, (f) => ({ n: f.household.members[0]!.idNumber })) },
  'Query.region': { subgraph: 'households', run: q(`query($c: ID!) { region(code: $c) { code } }`, (d) => d.region, (f) => ({ c: f.village })) },
  'Member.name': { subgraph: 'households', run: q(HOUSEHOLD('members { name }'), (d) => d.household?.members[0]?.name) },
  'Member.maskedIdNumber': { subgraph: 'households', run: q(HOUSEHOLD('members { maskedIdNumber }'), (d) => d.household?.members[0]?.maskedIdNumber) },
  'Member.gender': { subgraph: 'households', run: q(HOUSEHOLD('members { gender }'), (d) => d.household?.members[0]?.gender) },
  'Member.birthDate': { subgraph: 'households', run: q(HOUSEHOLD('members { birthDate }'), (d) => d.household?.members[0]?.birthDate) },
  'Member.healthStatus': { subgraph: 'households', run: q(HOUSEHOLD('members { healthStatus }'), (d) => d.household?.members[0]?.healthStatus) },
  'Member.disabilityGrade': { subgraph: 'households', run: q(`query($id: ID!) { member(id: $id) { disabilityGrade } }`, (d) => d.member?.disabilityGrade, (f) => ({ id: f.disabled })) },
  'Member.laborCapacity': { subgraph: 'households', run: q(HOUSEHOLD('members { laborCapacity }'), (d) => d.household?.members[0]?.laborCapacity) },
  'Household.mainCause': { subgraph: 'households', run: q(HOUSEHOLD('mainCause'), (d) => d.household?.mainCause) },
  'Household.otherCauses': { subgraph: 'households', run: q(HOUSEHOLD('otherCauses'), (d) => d.household?.otherCauses) },
  'Household.helper': { subgraph: 'households', run: q(HOUSEHOLD('helper'), (d) => d.household?.helper) },
  'Household.exitEvidence': { subgraph: 'households', run: q(HOUSEHOLD('exitEvidence { year }'), (d) => d.household?.exitEvidence, (f) => ({ id: f.lifted.id })) },
  'Household.incomePerCapita': { subgraph: 'households', run: q(HOUSEHOLD('incomePerCapita(year: 2020)'), (d) => d.household?.incomePerCapita) },
  'Household.statusHistory': { subgraph: 'households', run: q(HOUSEHOLD('statusHistory { status }'), (d) => d.household?.statusHistory) },
  'Household.statusChanges': { subgraph: 'households', run: q(HOUSEHOLD('statusChanges { step }'), (d) => d.household?.statusChanges, (f) => ({ id: f.lifted.id })) },
  'Region.fourZeros': { subgraph: 'households', run: q(`query($c: ID!) { region(code: $c) { fourZeros(year: 2020) { households } } }`, (d) => d.region?.fourZeros, (f) => ({ c: f.county })) },
  'Region.exitCandidates': { subgraph: 'households', run: q(`query($c: ID!) { region(code: $c) { exitCandidates(year: 2020, first: 1) { scanned } } }`, (d) => d.region?.exitCandidates, (f) => ({ c: f.county })) },
  'Mutation.setRuralPopulation': {
    subgraph: 'households',
    run: q(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, (d) => d.setRuralPopulation, (f) => ({ input: { regionCode: f.village, year: 2020, ruralPopulation: 1200 } })),
  },
  'Mutation.recordVillageExit': {
    subgraph: 'households',
    // A poverty village of its own that meets the exit rule for 2020 (a rural population, nobody poor).
    prepare: async (f) => {
      const code = f.newVillageCode();
      await fixtureAdmin.data(`mutation($input: RegisterRegionInput!) { registerRegion(input: $input) { code } }`, { input: { code, name: '出列村', isPovertyVillage: true } });
      await fixtureAdmin.data(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, { input: { regionCode: code, year: 2020, ruralPopulation: 1000 } });
      return code;
    },
    run: async (as, f, code) =>
      q(`mutation($input: RecordVillageExitInput!) { recordVillageExit(input: $input) { povertyVillageExitYear } }`, (d) => d.recordVillageExit, () => ({
        input: { villageCode: code, year: 2020, reason: '县级审定' },
      }))(as, f),
  },
  'Household.coverage': { subgraph: 'households', run: q(HOUSEHOLD('coverage(year: 2020) { exitEligible }'), (d) => d.household?.coverage) },
  'Query.auditLog': { subgraph: 'households', run: q(`{ auditLog(first: 1) { totalCount } }`, (d) => d.auditLog, () => ({})) },
  // Every subgraph serves this root field (@shareable); the gateway's plan asks education-aid.
  'Query.auditLogs': { subgraph: 'education-aid', run: q(`{ auditLogs { id } }`, (d) => d.auditLogs, () => ({})) },
  'AuditLogs.households': { subgraph: 'households', run: q(`{ auditLogs { households(first: 1) { totalCount } } }`, (d) => d.auditLogs?.households, () => ({})) },
  '_entities AuditLogs (households)': { subgraph: 'households', run: auditLogOf('households') },
  '_entities Household (households)': { subgraph: 'households', run: entities('Household', 'householdNumber') },
  '_entities Member (households)': { subgraph: 'households', run: entities('Member', 'name') },
  '_entities Region (households)': { subgraph: 'households', run: entities('Region', 'fourZeros(year: 2020) { households }', (e) => e?.fourZeros) },
  'Mutation.registerRegion': {
    subgraph: 'households',
    run: q(`mutation($input: RegisterRegionInput!) { registerRegion(input: $input) { code } }`, (d) => d.registerRegion, (f) => ({ input: { code: f.newVillageCode(), name: '新村' } })),
  },
  'Mutation.registerHousehold': {
    subgraph: 'households',
    run: q(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, (d) => d.registerHousehold, (f) => ({ input: fixtureSeed.householdInput({ villageCode: f.village }) })),
  },
  'Mutation.recordIncome': { subgraph: 'households', run: q(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, (d) => d.recordIncome, (f) => ({ input: { householdId: f.household.id, year: 2020, incomePerCapita: 5200 } })) },
  'Mutation.changeHouseholdStatus': {
    subgraph: 'households',
    // A household of its own, lifted through its procedure: monitoring begins (LIFTED -> MONITORED).
    prepare: async (f) => {
      const h = await f.fresh();
      await meetExitStandard(fixtureAdmin, h);
      await throughProcedure(hub, h.id, 'LIFTED', '2020-12-01');
      return h;
    },
    run: async (as, f, h) =>
      q(`mutation($input: ChangeHouseholdStatusInput!) { changeHouseholdStatus(input: $input) { status } }`, (d) => d.changeHouseholdStatus, () => ({
        input: { householdId: (h as SeededHousehold).id, status: 'MONITORED', effectiveDate: '2021-03-01', reason: '脱贫后监测' },
      }))(as, f),
  },
  'Mutation.proposeStatusChange': {
    subgraph: 'households',
    // A household of its own that meets the exit standard.
    prepare: async (f) => {
      const h = await f.fresh();
      await meetExitStandard(fixtureAdmin, h);
      return h;
    },
    run: async (as, f, h) =>
      q(PROPOSE_STATUS, (d) => d.proposeStatusChange, () => ({ input: { householdId: (h as SeededHousehold).id, toStatus: 'LIFTED', effectiveDate: '2020-12-01', reason: '脱贫' } }))(as, f),
  },
  // Registry upkeep: each on a household of its own, dated in 2020 (after it was identified).
  'Mutation.addMember': {
    subgraph: 'households',
    prepare: (f) => f.fresh(),
    run: async (as, f, h) =>
      q(`mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`, (d) => d.addMember, () => ({
        input: { householdId: (h as SeededHousehold).id, effectiveDate: '2020-06-01', reason: 'BIRTH', member: { name: '小宝', idNumber: fixtureSeed.idNumber('2020-05-30'), relationToHead: 'CHILD', healthStatus: 'HEALTHY', laborCapacity: 'NONE' } },
      }))(as, f),
  },
  'Mutation.removeMember': {
    subgraph: 'households',
    prepare: (f) => f.fresh(),
    run: async (as, f, h) =>
      q(`mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id } }`, (d) => d.removeMember, () => ({
        input: { memberId: (h as SeededHousehold).members[1]!.id, effectiveDate: '2020-06-01', reason: 'MOVED_AWAY' },
      }))(as, f),
  },
  'Mutation.updateHousehold': {
    subgraph: 'households',
    prepare: (f) => f.fresh(),
    run: async (as, f, h) =>
      q(`mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id } }`, (d) => d.updateHousehold, () => ({
        input: { householdId: (h as SeededHousehold).id, effectiveDate: '2020-06-01', reason: '改水', safeDrinkingWater: false },
      }))(as, f),
  },
  'Mutation.updateMember': {
    subgraph: 'households',
    prepare: (f) => f.fresh(),
    run: async (as, f, h) =>
      q(`mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`, (d) => d.updateMember, () => ({
        input: { memberId: (h as SeededHousehold).members[0]!.id, effectiveDate: '2020-06-01', reason: '复核劳动能力', laborCapacity: 'WEAK' },
      }))(as, f),
  },
  'HouseholdAsOf.mainCause': { subgraph: 'households', run: q(HOUSEHOLD('asOf(date: "2020-06-01") { mainCause }'), (d) => d.household?.asOf?.mainCause) },
  'HouseholdAsOf.otherCauses': { subgraph: 'households', run: q(HOUSEHOLD('asOf(date: "2020-06-01") { otherCauses }'), (d) => d.household?.asOf?.otherCauses) },
  'HouseholdAsOf.helper': { subgraph: 'households', run: q(HOUSEHOLD('asOf(date: "2020-06-01") { helper }'), (d) => d.household?.asOf?.helper) },
  'Mutation.objectToStatusChange': {
    subgraph: 'households',
    prepare: (f) => proposedAt(f, 'NOTICE'),
    run: async (as, f, id) => q(`mutation($id: ID!) { objectToStatusChange(id: $id, objection: "异议") { id } }`, (d) => d.objectToStatusChange, () => ({ id }))(as, f),
  },
  'Mutation.reviewStatusChange': {
    subgraph: 'households',
    prepare: (f) => proposedAt(f, 'NOTICE'),
    run: async (as, f, id) => q(`mutation($id: ID!) { reviewStatusChange(id: $id, approve: true, reason: "审核") { id } }`, (d) => d.reviewStatusChange, () => ({ id }))(as, f),
  },
  'Mutation.decideStatusChange': {
    subgraph: 'households',
    prepare: (f) => proposedAt(f, 'COUNTY'),
    run: async (as, f, id) => q(`mutation($id: ID!) { decideStatusChange(id: $id, approve: true, reason: "审定") { id } }`, (d) => d.decideStatusChange, () => ({ id }))(as, f),
  },
  // The county office withdraws any open change; a caseworker only one it proposed (not this one).
  'Mutation.withdrawStatusChange': {
    subgraph: 'households',
    prepare: (f) => proposedAt(f, 'NOTICE'),
    run: async (as, f, id) => q(`mutation($id: ID!) { withdrawStatusChange(id: $id, reason: "撤回") { id } }`, (d) => d.withdrawStatusChange, () => ({ id }))(as, f),
  },
  'Query.statusChanges': { subgraph: 'households', run: q(`query($c: ID!) { statusChanges(regionCode: $c) { totalCount } }`, (d) => d.statusChanges, (f) => ({ c: f.county })) },
  'Mutation.revealIdNumber': { subgraph: 'households', run: q(`mutation($m: ID!) { revealIdNumber(memberId: $m, reason: "核对") }`, (d) => d.revealIdNumber, (f) => ({ m: f.household.members[0]!.id })) },
  'Member.insurance': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { insurance(year: 2020) { scheme } }'), (d) => d.household?.members[0]?.insurance) },
  'Member.claims': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { claims(year: 2020) { totalCost } }'), (d) => d.household?.members[0]?.claims) },
  'Member.familyDoctor': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { familyDoctor(year: 2020) { doctorTeam } }'), (d) => d.household?.members[0]?.familyDoctor) },
  'Household.medical': { subgraph: 'health-insurance', run: q(HOUSEHOLD('medical(year: 2020) { totalCost }'), (d) => d.household?.medical) },
  'Query.insuranceCoverage': { subgraph: 'health-insurance', run: q(`query($c: ID!) { insuranceCoverage(regionCode: $c, year: 2020) { members } }`, (d) => d.insuranceCoverage, (f) => ({ c: f.county })) },
  'AuditLogs.healthInsurance': { subgraph: 'health-insurance', run: q(`{ auditLogs { healthInsurance(first: 1) { totalCount } } }`, (d) => d.auditLogs?.healthInsurance, () => ({})) },
  'FourZeros.highMedicalBurdenHouseholds': { subgraph: 'households', run: fourZerosAt('highMedicalBurdenHouseholds') },
  '_entities AuditLogs (health)': { subgraph: 'health-insurance', run: auditLogOf('healthInsurance') },
  '_entities Member (health)': { subgraph: 'health-insurance', run: entities('Member', 'insurance(year: 2020) { scheme }', (e) => e?.insurance) },
  '_entities Household (health)': { subgraph: 'health-insurance', run: entities('Household', 'medical(year: 2020) { totalCost }', (e) => e?.medical) },
  '_entities FourZeros (health)': { subgraph: 'health-insurance', run: fourZerosOf('highMedicalBurdenHouseholds') },
  'Mutation.enrollInsurance': {
    subgraph: 'health-insurance',
    run: q(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, (d) => d.enrollInsurance, (f) => ({ input: { memberId: f.household.members[0]!.id, year: 2020, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 } })),
  },
  'Mutation.recordClaim': {
    subgraph: 'health-insurance',
    run: q(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, (d) => d.recordClaim, (f) => ({
      input: { memberId: f.household.members[0]!.id, date: '2020-05-05', hospital: '乡镇卫生院', kind: 'OUTPATIENT', totalCost: 100, basicPaid: 60, criticalIllnessPaid: 0, supplementaryPaid: 0, assistancePaid: 0, oneStop: true },
    })),
  },
  'Mutation.signFamilyDoctorContract': {
    subgraph: 'health-insurance',
    run: q(`mutation($input: SignFamilyDoctorContractInput!) { signFamilyDoctorContract(input: $input) { year } }`, (d) => d.signFamilyDoctorContract, (f) => ({ input: { memberId: f.household.members[0]!.id, year: 2020, doctorTeam: '团队', signedOn: '2020-01-10' } })),
  },
  'Member.schooling': { subgraph: 'education-aid', run: q(HOUSEHOLD('members { schooling(year: 2020) { stage } }'), (d) => d.household?.members[0]?.schooling) },
  'Member.grants': { subgraph: 'education-aid', run: q(HOUSEHOLD('members { grants(year: 2020) { amount } }'), (d) => d.household?.members[0]?.grants) },
  'Query.dropouts': { subgraph: 'education-aid', run: q(`query($c: ID!) { dropouts(regionCode: $c, year: 2020) { totalCount } }`, (d) => d.dropouts, (f) => ({ c: f.county })) },
  'AuditLogs.educationAid': { subgraph: 'education-aid', run: q(`{ auditLogs { educationAid(first: 1) { totalCount } } }`, (d) => d.auditLogs?.educationAid, () => ({})) },
  'FourZeros.dropoutMembers': { subgraph: 'households', run: fourZerosAt('dropoutMembers') },
  '_entities AuditLogs (education)': { subgraph: 'education-aid', run: auditLogOf('educationAid') },
  '_entities Member (education)': { subgraph: 'education-aid', run: entities('Member', 'schooling(year: 2020) { stage }', (e) => e?.schooling) },
  '_entities FourZeros (education)': { subgraph: 'education-aid', run: fourZerosOf('dropoutMembers') },
  'Mutation.recordSchooling': {
    subgraph: 'education-aid',
    run: q(`mutation($input: RecordSchoolingInput!) { recordSchooling(input: $input) { year } }`, (d) => d.recordSchooling, (f) => ({
      input: { memberId: f.household.members[0]!.id, year: 2020, stage: 'TERTIARY', school: '开放大学', status: 'ENROLLED' },
    })),
  },
  'Mutation.recordGrant': {
    subgraph: 'education-aid',
    run: q(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, (d) => d.recordGrant, (f) => ({ input: { memberId: f.household.members[0]!.id, program: 'STUDENT_LOAN', amount: 100, paidOn: '2020-05-05' } })),
  },
  'Household.housing': { subgraph: 'housing-repair', run: q(HOUSEHOLD('housing { safe }'), (d) => d.household?.housing) },
  'Query.unsafeHousing': { subgraph: 'housing-repair', run: q(`query($c: ID!) { unsafeHousing(regionCode: $c) { totalCount } }`, (d) => d.unsafeHousing, (f) => ({ c: f.county })) },
  'AuditLogs.housingRepair': { subgraph: 'housing-repair', run: q(`{ auditLogs { housingRepair(first: 1) { totalCount } } }`, (d) => d.auditLogs?.housingRepair, () => ({})) },
  'FourZeros.unsafeHousingHouseholds': { subgraph: 'households', run: fourZerosAt('unsafeHousingHouseholds') },
  '_entities AuditLogs (housing)': { subgraph: 'housing-repair', run: auditLogOf('housingRepair') },
  '_entities Household (housing)': { subgraph: 'housing-repair', run: entities('Household', 'housing { safe }', (e) => e?.housing) },
  '_entities FourZeros (housing)': { subgraph: 'housing-repair', run: fourZerosOf('unsafeHousingHouseholds') },
  'Mutation.recordAppraisal': {
    subgraph: 'housing-repair',
    run: q(`mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { grade } }`, (d) => d.recordAppraisal, (f) => ({ input: { householdId: f.household.id, grade: 'B', appraisedOn: '2018-05-05', appraiser: '鉴定组' } })),
  },
  'Mutation.recordRenovation': {
    subgraph: 'housing-repair',
    run: q(`mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`, (d) => d.recordRenovation, (f) => ({ input: { householdId: f.household.id, kind: 'REPAIR', subsidy: 1000, status: 'PLANNED' } })),
  },
  'Mutation.advanceRenovation': {
    subgraph: 'housing-repair',
    // A renovation of its own to move: each caller that may write moves a fresh one.
    prepare: async (f) => {
      const { recordRenovation } = await fixtureAdmin.data<{ recordRenovation: { id: string } }>(`mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`, {
        input: { householdId: f.household.id, kind: 'REPAIR', subsidy: 1000, status: 'PLANNED' },
      });
      return recordRenovation.id;
    },
    run: async (as, f, renovationId) =>
      q(`mutation($input: AdvanceRenovationInput!) { advanceRenovation(input: $input) { status } }`, (d) => d.advanceRenovation, () => ({
        input: { renovationId, status: 'IN_PROGRESS', startedOn: '2019-01-01' },
      }))(as, f),
  },
  'Mutation.recordRelocation': {
    subgraph: 'housing-repair',
    run: q(`mutation($input: RecordRelocationInput!) { recordRelocation(input: $input) { site } }`, (d) => d.recordRelocation, (f) => ({ input: { householdId: f.household.id, site: '安置点', relocatedOn: '2019-05-05' } })),
  },
  'Member.employment': { subgraph: 'employment', run: q(HOUSEHOLD('members { employment(year: 2020) { status } }'), (d) => d.household?.members[0]?.employment) },
  'Member.trainings': { subgraph: 'employment', run: q(HOUSEHOLD('members { trainings { hours } }'), (d) => d.household?.members[0]?.trainings) },
  'Household.industrySupport': { subgraph: 'employment', run: q(HOUSEHOLD('industrySupport(year: 2020) { amount }'), (d) => d.household?.industrySupport) },
  'Query.zeroEmploymentHouseholds': {
    subgraph: 'employment',
    run: q(`query($c: ID!) { zeroEmploymentHouseholds(regionCode: $c, year: 2020) { totalCount } }`, (d) => d.zeroEmploymentHouseholds, (f) => ({ c: f.county })),
  },
  'Query.membersWithoutWork': { subgraph: 'employment', run: q(`query($c: ID!) { membersWithoutWork(regionCode: $c, year: 2020) { totalCount } }`, (d) => d.membersWithoutWork, (f) => ({ c: f.county })) },
  'AuditLogs.employment': { subgraph: 'employment', run: q(`{ auditLogs { employment(first: 1) { totalCount } } }`, (d) => d.auditLogs?.employment, () => ({})) },
  'FourZeros.zeroEmploymentHouseholds': { subgraph: 'households', run: fourZerosAt('zeroEmploymentHouseholds') },
  '_entities AuditLogs (employment)': { subgraph: 'employment', run: auditLogOf('employment') },
  '_entities Member (employment)': { subgraph: 'employment', run: entities('Member', 'employment(year: 2020) { status }', (e) => e?.employment) },
  '_entities Household (employment)': { subgraph: 'employment', run: entities('Household', 'industrySupport { amount }', (e) => e?.industrySupport) },
  '_entities FourZeros (employment)': { subgraph: 'employment', run: fourZerosOf('zeroEmploymentHouseholds') },
  'Mutation.recordEmployment': {
    subgraph: 'employment',
    run: q(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, (d) => d.recordEmployment, (f) => ({
      input: { memberId: f.household.members[0]!.id, year: 2020, status: 'IN_COUNTY', monthsWorked: 10, monthlyIncome: 2500, employer: '县工业园区' },
    })),
  },
  'Mutation.recordTraining': {
    subgraph: 'employment',
    run: q(`mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }`, (d) => d.recordTraining, (f) => ({ input: { memberId: f.household.members[0]!.id, course: '电工', hours: 40, trainedOn: '2020-05-05' } })),
  },
  'Mutation.recordIndustrySupport': {
    subgraph: 'employment',
    run: q(`mutation($input: RecordIndustrySupportInput!) { recordIndustrySupport(input: $input) { id } }`, (d) => d.recordIndustrySupport, (f) => ({ input: { householdId: f.household.id, year: 2020, kind: 'LIVESTOCK', amount: 2000 } })),
  },
};

const tableRows = MATRIX.trim().split('\n').slice(1).map((line) => {
  const tokens = line.trim().split(/\s+/);
  return { name: tokens.slice(0, -TABLE_COLUMNS.length).join(' '), cells: tokens.slice(-TABLE_COLUMNS.length) };
});
/**
 * A department the table has no column for (new to the hub): allowed where every department
 * of the table is (what the rules give DEPARTMENT_OFFICER as a role), refused elsewhere (a
 * path some department is given is given by its code, never to a department unnamed).
 */
const unnamedDepartment = (cells: string[]) => (cells.slice(ROLE_COLUMNS.length).every((c) => c === 'y') ? 'y' : 'n');
const rows = tableRows.map(({ name, cells }) => ({
  name,
  outcomes: COLUMNS.map((col) => (TABLE_COLUMNS.includes(col) ? cells[TABLE_COLUMNS.indexOf(col)]! : unnamedDepartment(cells))),
  cells,
}));
const expectedOf = (name: string, column: string) => rows.find((r) => r.name === name)!.outcomes[COLUMNS.indexOf(column)];

/** The row an `_entities` path of a subgraph goes by: `_entities Member (health)`. */
const LABELS: Record<Path['subgraph'], string> = { households: 'households', 'health-insurance': 'health', 'education-aid': 'education', 'housing-repair': 'housing', employment: 'employment' };
const entitiesRow = (type: string, subgraph: string) => `_entities ${type} (${LABELS[subgraph as Path['subgraph']] ?? subgraph})`;

/**
 * The rows the code and the schema ask for: every field with a rule in the committed permission
 * snapshot, every root field of the composed supergraph, and an `_entities` row for each entity
 * type through which a subgraph serves a field with a rule (that path skips the gateway's root
 * fields, so it is checked on its own). `known` is what a row's name may refer to.
 */
async function rowsRequired(): Promise<{ required: Set<string>; known: Set<string> }> {
  const permissions = JSON.parse(await readFile(new URL('../schema/permissions.json', import.meta.url), 'utf8')) as Record<string, Record<string, string[]>>;
  const supergraph = parse(await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
  const types = new Map(supergraph.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]));
  const graphOf = (subgraph: string) => subgraph.replaceAll('-', '_').toUpperCase();
  // `@join__type(graph: HEALTH_INSURANCE, key: "id")`: the subgraph resolves the type by its key.
  const isEntityOf = (type: string, subgraph: string) =>
    !!types.get(type)?.directives?.some(
      (d) => d.name.value === 'join__type' && d.arguments?.some((a) => a.name.value === 'key') && d.arguments.some((a) => a.name.value === 'graph' && a.value.kind === Kind.ENUM && a.value.value === graphOf(subgraph)),
    );
  const required = new Set<string>();
  const known = new Set<string>();
  for (const [type, def] of types) for (const field of def.fields ?? []) known.add(`${type}.${field.name.value}`);
  for (const root of ['Query', 'Mutation']) {
    for (const field of types.get(root)?.fields ?? []) if (!field.name.value.startsWith('_')) required.add(`${root}.${field.name.value}`);
  }
  // A subgraph the table knows no label for is new to the hub: its generated tests say who may
  // reach its paths until it puts them here.
  for (const [subgraph, rules] of Object.entries(permissions).filter(([subgraph]) => subgraph in LABELS)) {
    for (const key of Object.keys(rules)) {
      required.add(key);
      const type = key.split('.')[0]!;
      if (isEntityOf(type, subgraph)) required.add(entitiesRow(type, subgraph));
    }
    for (const type of types.keys()) if (isEntityOf(type, subgraph)) known.add(entitiesRow(type, subgraph));
  }
  return { required, known };
}

let hub: Awaited<ReturnType<typeof startHub>>;
let fixture: Fixture;
let fixtureSeed: ReturnType<typeof seed>;
let fixtureAdmin: GraphQLClient;

function callerOf(column: string, region: string, subject: string): Caller {
  const role: Role = (ROLE_COLUMNS as readonly string[]).includes(column) ? (column as Role) : 'DEPARTMENT_OFFICER';
  return { subject, role, regionCode: role === 'ADMIN' ? '000000000000' : region, ...(role === 'DEPARTMENT_OFFICER' ? { department: column } : {}) };
}

async function clientsOf(caller: Caller, subgraph: Path['subgraph']) {
  const gateway = await hub.as(caller.role, caller.regionCode, caller.department, caller.subject);
  return { gateway, direct: hub.subgraphs[subgraph]!.as(caller) };
}

const refusalsOf = async (subgraph: string, actor: string) =>
  Number((await hub.subgraphs[subgraph]!.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from audit_log where actor = ? and outcome = 'REFUSED'`, [actor]))[0]!.n);
const refusalsEverywhere = async (actor: string) => Object.fromEntries(await Promise.all(Object.keys(hub.subgraphs).map(async (s) => [s, await refusalsOf(s, actor)] as const)));

/** The SQL statements each department sent while `fn` ran. */
async function departmentStatements(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let run = fn;
  for (const [name, sub] of Object.entries(hub.subgraphs).filter(([name]) => name !== 'households')) {
    const inner = run;
    run = async () => {
      counts[name] = (await sub.sql.during(inner)).statements.length;
    };
  }
  await run();
  return counts;
}

beforeAll(async () => {
  // Fixtures for every row are made by one admin within a minute: the rate limit is not what is tested here (armor.test.ts).
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  fixtureAdmin = hub.client;
  fixtureSeed = seed(hub.client);
  const village = await fixtureSeed.village();
  await fixtureSeed.village({ county: ELSEWHERE });
  const input = {
    ...fixtureSeed.householdInput({
      villageCode: village,
      otherCauses: ['LACK_OF_SKILLS'],
      members: [
        { relationToHead: 'HEAD', healthStatus: 'CHRONIC_ILLNESS' },
        { relationToHead: 'SPOUSE', gender: 'FEMALE' },
        { relationToHead: 'PARENT', birthDate: '1950-03-03', healthStatus: 'DISABLED', disabilityGrade: 2, laborCapacity: 'NONE' },
      ],
    }),
    helper: '王帮扶',
  };
  const { registerHousehold } = await hub.client.data<{ registerHousehold: { id: string; householdNumber: string; members: { id: string; name: string; relationToHead: string }[] } }>(
    `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id householdNumber members { id name relationToHead } } }`,
    { input },
  );
  const household: SeededHousehold = { ...registerHousehold, members: registerHousehold.members.map((m, i) => ({ ...m, idNumber: input.members[i]!.idNumber })) };
  const memberId = household.members[0]!.id;
  await hub.client.data(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { input: { householdId: household.id, year: 2020, incomePerCapita: 4800 } });
  await hub.client.data(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, { input: { memberId, year: 2020, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 } });
  await hub.client.data(`mutation($input: SignFamilyDoctorContractInput!) { signFamilyDoctorContract(input: $input) { year } }`, { input: { memberId, year: 2020, doctorTeam: '团队', signedOn: '2020-01-10' } });
  await hub.client.data(`mutation($input: RecordSchoolingInput!) { recordSchooling(input: $input) { year } }`, { input: { memberId, year: 2020, stage: 'TERTIARY', school: '开放大学', status: 'ENROLLED' } });
  await hub.client.data(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, { input: { memberId, program: 'STUDENT_LOAN', amount: 100, paidOn: '2020-05-05' } });
  await hub.client.data(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { input: { memberId, year: 2020, status: 'OUT_OF_PROVINCE', monthsWorked: 10, monthlyIncome: 4000 } });
  const lifted = await fixtureSeed.household({ villageCode: village });
  await meetExitStandard(hub.client, lifted);
  await throughProcedure(hub, lifted.id, 'LIFTED', '2020-12-01');
  let villages = 0;
  fixture = {
    county: '420115000000',
    village,
    household,
    disabled: household.members.find((m) => m.relationToHead === 'PARENT')!.id,
    lifted,
    fresh: () => fixtureSeed.household({ villageCode: village }),
    newVillageCode: () => {
      let code: string;
      do code = `${village.slice(0, 9)}${String(++villages).padStart(3, '0')}`;
      while (code === village);
      return code;
    },
  };
});
afterAll(() => hub?.stop());

test('the table names every path once, with a cell of y or n for every column', () => {
  expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(PATHS).sort());
  expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  for (const r of rows) expect({ name: r.name, neither: r.cells.filter((o) => o !== 'y' && o !== 'n'), cells: r.cells.length }).toEqual({ name: r.name, neither: [], cells: TABLE_COLUMNS.length });
  // Every column of the table is a code the list knows (a department renamed there is renamed here).
  expect(COLUMNS).toEqual(expect.arrayContaining(TABLE_COLUMNS));
});

test('the table has a row for every field with a rule in schema/permissions.json, every root field of the supergraph and every entity a subgraph serves one through, and none for what is not there', async () => {
  const { required, known } = await rowsRequired();
  const names = new Set(rows.map((r) => r.name));
  expect({ missing: [...required].filter((n) => !names.has(n)).sort() }).toEqual({ missing: [] });
  expect({ unknown: [...names].filter((n) => !known.has(n)).sort() }).toEqual({ unknown: [] });
  expect({ unknown: Object.keys(REFUSED_BY).filter((n) => !names.has(n)) }).toEqual({ unknown: [] });
});

/**
 * Refused cells run as one batch between two fingerprints of every subgraph's own tables: what
 * they need written is written first, so any row that changes in between was written by a
 * refusal. One pair of fingerprints per batch keeps it cheap.
 */
function refusedBatch(names: () => string[]) {
  const prepared = new Map<string, unknown>();
  let before: Fingerprint;
  beforeAll(async () => {
    for (const name of names()) if (PATHS[name]!.prepare) prepared.set(name, await PATHS[name]!.prepare!(fixture));
    before = await fingerprint(hub);
  });
  return {
    prepared: async (name: string) => (prepared.has(name) ? prepared.get(name) : await PATHS[name]!.prepare?.(fixture)),
    unchanged: async () => expect({ refused: names().filter((n) => n.startsWith('Mutation.')), changed: changed(before, await fingerprint(hub)) }).toEqual({ refused: expect.anything(), changed: [] }),
  };
}

describe.each(COLUMNS)('%s in its county', (column) => {
  const cells = (outcome: string) => rows.filter((r) => r.outcomes[COLUMNS.indexOf(column)] === outcome).map((r) => [r.name, outcome] as const);
  const batch = refusedBatch(() => cells('n').map(([name]) => name));
  const cell = async (name: string, expected: string) => {
    const path = PATHS[name]!;
    const caller = callerOf(column, fixture.county, `matrix-${column}-${name}`.replace(/\W+/g, '-'));
    const prepared = await batch.prepared(name);
    const before = await refusalsOf(path.subgraph, caller.subject);
    const { res, value } = await path.run(await clientsOf(caller, path.subgraph), fixture, prepared);
    if (expected === 'y') {
      expect({ name, errors: res.errors ?? [] }).toEqual({ name, errors: [] });
      expect(value ?? null).not.toBeNull();
    } else if (expected === 'n') {
      expect({ name, code: errorCode(res) }).toEqual({ name, code: 'FORBIDDEN' });
      expect(value ?? null).toBeNull();
      expect(await refusalsOf(path.subgraph, caller.subject)).toBeGreaterThan(before);
    } else {
      throw new Error(`${name}: the cell for ${column} is ${expected}, neither y nor n`);
    }
  };
  // The refused first, then their fingerprint, then the allowed (which write).
  if (cells('n').length) {
    test.each(cells('n'))('%s: %s', cell);
    test(`every refusal of ${column} above left each subgraph's own tables as they were`, batch.unchanged);
  }
  test.each(rows.map((r) => [r.name, r.outcomes[COLUMNS.indexOf(column)]!] as const).filter(([, o]) => o !== 'n'))('%s: %s', cell);
});

describe.each(COLUMNS.filter((c) => c !== 'ADMIN'))('%s of another county', (column) => {
  const names = rows.map((r) => r.name).filter((name) => REFUSED_BY[name] !== 'no jurisdiction');
  const batch = refusedBatch(() => names);
  test.each(names)('%s is refused', async (name) => {
    const path = PATHS[name]!;
    const caller = callerOf(column, ELSEWHERE, `outside-${column}-${name}`.replace(/\W+/g, '-'));
    const { res, value } = await path.run(await clientsOf(caller, path.subgraph), fixture, await batch.prepared(name));
    expect({ name, code: errorCode(res) }).toEqual({ name, code: 'FORBIDDEN' });
    expect(value ?? null).toBeNull();
    const refusals = await refusalsEverywhere(caller.subject);
    if (expectedOf(name, column) === 'n') {
      // Its role is refused in its own county too: whichever check comes first refuses and audits it.
      expect(Object.values(refusals).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      return;
    }
    // A role that may in its own county: refused by the jurisdiction check of the subgraph named,
    // and audited there only (a department path the registry refused would be audited there instead).
    const refuser = refuserOf(name);
    expect({ name, message: res.errors?.[0]?.message }).toEqual({ name, message: expect.stringMatching(/is outside your jurisdiction$/) });
    expect({ name, refusedBy: Object.keys(refusals).filter((s) => refusals[s]! > 0) }).toEqual({ name, refusedBy: [refuser] });
  });
  test(`every refusal of ${column} of another county above left each subgraph's own tables as they were`, batch.unchanged);
});

describe('an exit asked from another county', () => {
  const CHANGE = PROPOSE_STATUS;
  const exit = (h: SeededHousehold) => ({ input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-01', reason: '脱贫' } });

  test.each(['COUNTY_OFFICER', 'CASEWORKER'] as const)('%s: refused before any department is asked for its gaps', async (column) => {
    const h = await fixture.fresh();
    await meetExitStandard(fixtureAdmin, h);
    const outsider = await clientsOf(callerOf(column, ELSEWHERE, `exit-outside-${column}`), 'households');
    let res: GraphQLResponse<unknown> | undefined;
    const before = await fingerprint(hub);
    const asked = await departmentStatements(async () => (res = await outsider.gateway.request(CHANGE, exit(h))));
    expect(errorCode(res!)).toBe('FORBIDDEN');
    expect(changed(before, await fingerprint(hub))).toEqual([]);
    expect(asked).toEqual(Object.fromEntries(Object.keys(hub.subgraphs).filter((s) => s !== 'households').map((s) => [s, 0])));
    // The same exit in its own county asks every department with a part in coverage: the count above would see them.
    const insider = await clientsOf(callerOf(column, fixture.county, `exit-inside-${column}`), 'households');
    const inside = await departmentStatements(async () => expect((await insider.gateway.request(CHANGE, exit(h))).errors ?? []).toEqual([]));
    for (const s of COVERAGE_SOURCES.filter((c) => c.subgraph !== 'households')) expect({ [s.subgraph]: inside[s.subgraph]! > 0 }).toEqual({ [s.subgraph]: true });
  });
});
