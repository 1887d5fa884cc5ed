import type { Caller, Department, Role } from '@fupin/kit';
import { errorCode, type GraphQLClient, type GraphQLResponse, meetExitStandard, seed, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// Who may do what, on every path: each role (and each department's officer) × each read path
// (root fields, nested fields, `_entities` straight at a subgraph) and each write, every cell
// declared in one table below and every refusal found in the owning subgraph's audit log.
// A new department adds its rows to MATRIX and its paths to PATHS; nothing else changes.
//
// y: allowed (no error, a value); n: refused with FORBIDDEN, null, and audited.
const COLUMNS = ['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'AUDITOR', 'HEALTH_INSURANCE', 'EDUCATION_AID', 'HOUSING_REPAIR', 'EMPLOYMENT'] as const;
const MATRIX = `
                                    ADM  CNTY CW   AUD  HLTH EDU  HOUS EMPL
  Query.household                   y    y    y    y    y    y    y    y
  Query.member                      y    y    y    y    y    y    y    y
  Query.memberByIdNumber            y    y    y    y    y    y    y    y
  Query.region                      y    y    y    y    y    y    y    y
  Member.name                       y    y    y    y    y    y    y    y
  Member.maskedIdNumber             y    y    y    y    y    y    y    y
  Member.healthStatus               y    y    y    y    y    n    n    n
  Member.laborCapacity              y    y    y    y    n    n    n    y
  Household.mainCause               y    y    y    y    n    n    n    n
  Household.incomePerCapita         y    y    y    y    n    n    n    n
  Household.statusHistory           y    y    y    y    n    n    n    n
  Household.coverage                y    y    y    y    n    n    n    n
  Region.fourZeros                  y    y    y    y    n    n    n    n
  Mutation.setRuralPopulation       y    y    n    n    n    n    n    n
  Query.auditLog                    y    n    n    y    n    n    n    n
  AuditLogs.households              y    n    n    y    n    n    n    n
  _entities Household (households)  y    y    y    y    y    y    y    y
  _entities Member (households)     y    y    y    y    y    y    y    y
  Mutation.registerHousehold        y    y    n    n    n    n    n    n
  Mutation.recordIncome             y    y    y    n    n    n    n    n
  Mutation.changeHouseholdStatus    y    y    y    n    n    n    n    n
  Mutation.revealIdNumber           y    y    y    n    n    n    n    n
  Member.insurance                  y    y    y    y    y    n    n    n
  Member.claims                     y    y    y    y    y    n    n    n
  Member.familyDoctor               y    y    y    y    y    n    n    n
  Household.medical                 y    y    y    y    y    n    n    n
  Query.insuranceCoverage           y    y    y    y    y    n    n    n
  AuditLogs.healthInsurance         y    n    n    y    n    n    n    n
  _entities Member (health)         y    y    y    y    y    n    n    n
  Mutation.enrollInsurance          y    n    n    n    y    n    n    n
  Mutation.recordClaim              y    n    n    n    y    n    n    n
  Mutation.signFamilyDoctorContract y    n    n    n    y    n    n    n
  Member.schooling                  y    y    y    y    n    y    n    n
  Member.grants                     y    y    y    y    n    y    n    n
  Query.dropouts                    y    y    y    y    n    y    n    n
  AuditLogs.educationAid            y    n    n    y    n    n    n    n
  _entities Member (education)      y    y    y    y    n    y    n    n
  Mutation.recordSchooling          y    n    n    n    n    y    n    n
  Mutation.recordGrant              y    n    n    n    n    y    n    n
  Household.housing                 y    y    y    y    n    n    y    n
  Query.unsafeHousing               y    y    y    y    n    n    y    n
  AuditLogs.housingRepair           y    n    n    y    n    n    n    n
  _entities Household (housing)     y    y    y    y    n    n    y    n
  Mutation.recordAppraisal          y    n    n    n    n    n    y    n
  Mutation.recordRenovation         y    n    n    n    n    n    y    n
  Mutation.advanceRenovation        y    n    n    n    n    n    y    n
  Mutation.recordRelocation         y    n    n    n    n    n    y    n
  Member.employment                 y    y    y    y    n    n    n    y
  Member.trainings                  y    y    y    y    n    n    n    y
  Household.industrySupport         y    y    y    y    n    n    n    y
  Query.zeroEmploymentHouseholds    y    y    y    y    n    n    n    y
  Query.membersWithoutWork          y    y    y    y    n    n    n    y
  AuditLogs.employment              y    n    n    y    n    n    n    n
  _entities Member (employment)     y    y    y    y    n    n    n    y
  _entities Household (employment)  y    y    y    y    n    n    n    y
  Mutation.recordEmployment         y    n    n    n    n    n    n    y
  Mutation.recordTraining           y    n    n    n    n    n    n    y
  Mutation.recordIndustrySupport    y    n    n    n    n    n    n    y
`;

// The same paths for callers of another county (ADMIN is national): every one is refused.
const ELSEWHERE = '420116000000';
const OUTSIDE_PATHS = ['Query.household', 'Query.member', 'Member.insurance', 'Household.medical', 'Query.insuranceCoverage', '_entities Household (households)', '_entities Member (health)',
  'Mutation.recordIncome', 'Mutation.revealIdNumber', 'Region.fourZeros', 'Mutation.setRuralPopulation', 'Mutation.enrollInsurance', 'Member.schooling', 'Query.dropouts', '_entities Member (education)', 'Mutation.recordGrant',
  'Household.housing', 'Query.unsafeHousing', '_entities Household (housing)', 'Mutation.recordAppraisal', 'Mutation.advanceRenovation',
  'Member.employment', 'Query.zeroEmploymentHouseholds', '_entities Member (employment)', '_entities Household (employment)', 'Mutation.recordEmployment', 'Mutation.recordIndustrySupport'];

interface Fixture {
  county: string;
  village: string;
  household: SeededHousehold;
  fresh(): Promise<SeededHousehold>;
}
interface Path {
  subgraph: 'households' | 'health-insurance' | 'education-aid' | 'housing-repair' | 'employment';
  /** Runs the path as the caller; `value` is what it returned (null when refused). */
  run(as: { gateway: GraphQLClient; direct: GraphQLClient }, f: Fixture): Promise<{ res: GraphQLResponse<unknown>; value: unknown }>;
}

const q = (query: string, pick: (d: any) => unknown, variables: (f: Fixture) => Record<string, unknown> = (f) => ({ id: f.household.id })) =>
  async ({ gateway }: { gateway: GraphQLClient }, f: Fixture) => {
    const res = await gateway.request<any>(query, variables(f));
    return { res, value: res.data ? pick(res.data) : null };
  };
const entities = (typename: string, selection: string, pick: (entity: any) => unknown = (e) => e) => async ({ direct }: { direct: GraphQLClient }, f: Fixture) => {
  const id = typename === 'Household' ? f.household.id : f.household.members[0]!.id;
  const res = await direct.request<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`, { r: [{ __typename: typename, id }] });
  return { res, value: pick(res.data?._entities?.[0] ?? null) };
};
const HOUSEHOLD = (fields: string) => `query($id: ID!) { household(id: $id) { ${fields} } }`;

const PATHS: Record<string, Path> = {
  'Query.household': { subgraph: 'households', run: q(HOUSEHOLD('id'), (d) => d.household) },
  'Query.member': { subgraph: 'households', run: q(`query($id: ID!) { member(id: $id) { id } }`, (d) => d.member, (f) => ({ id: f.household.members[0]!.id })) },
  'Query.memberByIdNumber': { subgraph: 'households', run: q(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, (d) => d.memberByIdNumber, (f) => ({ n: f.household.members[0]!.idNumber })) },
  'Query.region': { subgraph: 'households', run: q(`query($c: ID!) { region(code: $c) { code } }`, (d) => d.region, (f) => ({ c: f.village })) },
  'Member.name': { subgraph: 'households', run: q(HOUSEHOLD('members { name }'), (d) => d.household?.members[0]?.name) },
  'Member.maskedIdNumber': { subgraph: 'households', run: q(HOUSEHOLD('members { maskedIdNumber }'), (d) => d.household?.members[0]?.maskedIdNumber) },
  'Member.healthStatus': { subgraph: 'households', run: q(HOUSEHOLD('members { healthStatus }'), (d) => d.household?.members[0]?.healthStatus) },
  'Member.laborCapacity': { subgraph: 'households', run: q(HOUSEHOLD('members { laborCapacity }'), (d) => d.household?.members[0]?.laborCapacity) },
  'Household.mainCause': { subgraph: 'households', run: q(HOUSEHOLD('mainCause'), (d) => d.household?.mainCause) },
  'Household.incomePerCapita': { subgraph: 'households', run: q(HOUSEHOLD('incomePerCapita(year: 2020)'), (d) => d.household?.incomePerCapita) },
  'Household.statusHistory': { subgraph: 'households', run: q(HOUSEHOLD('statusHistory { status }'), (d) => d.household?.statusHistory) },
  'Region.fourZeros': { subgraph: 'households', run: q(`query($c: ID!) { region(code: $c) { fourZeros(year: 2020) { households } } }`, (d) => d.region?.fourZeros, (f) => ({ c: f.county })) },
  'Mutation.setRuralPopulation': {
    subgraph: 'households',
    run: q(`mutation($input: SetRuralPopulationInput!) { setRuralPopulation(input: $input) { code } }`, (d) => d.setRuralPopulation, (f) => ({ input: { regionCode: f.village, ruralPopulation: 1200 } })),
  },
  'Household.coverage': { subgraph: 'households', run: q(HOUSEHOLD('coverage(year: 2020) { exitEligible }'), (d) => d.household?.coverage) },
  'Query.auditLog': { subgraph: 'households', run: q(`{ auditLog(first: 1) { totalCount } }`, (d) => d.auditLog, () => ({})) },
  'AuditLogs.households': { subgraph: 'households', run: q(`{ auditLogs { households(first: 1) { totalCount } } }`, (d) => d.auditLogs?.households, () => ({})) },
  '_entities Household (households)': { subgraph: 'households', run: entities('Household', 'householdNumber') },
  '_entities Member (households)': { subgraph: 'households', run: entities('Member', 'name') },
  'Mutation.registerHousehold': {
    subgraph: 'households',
    run: q(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, (d) => d.registerHousehold, (f) => ({ input: fixtureSeed.householdInput({ villageCode: f.village }) })),
  },
  'Mutation.recordIncome': { subgraph: 'households', run: q(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, (d) => d.recordIncome, (f) => ({ input: { householdId: f.household.id, year: 2020, incomePerCapita: 5200 } })) },
  'Mutation.changeHouseholdStatus': {
    subgraph: 'households',
    run: async (as, f) => {
      // A household of its own that meets the exit standard.
      const h = await f.fresh();
      await meetExitStandard(fixtureAdmin, h);
      return q(`mutation($input: ChangeHouseholdStatusInput!) { changeHouseholdStatus(input: $input) { status } }`, (d) => d.changeHouseholdStatus, () => ({
        input: { householdId: h.id, status: 'LIFTED', effectiveDate: '2020-12-01', reason: '脱贫' },
      }))(as, f);
    },
  },
  'Mutation.revealIdNumber': { subgraph: 'households', run: q(`mutation($m: ID!) { revealIdNumber(memberId: $m, reason: "核对") }`, (d) => d.revealIdNumber, (f) => ({ m: f.household.members[0]!.id })) },
  'Member.insurance': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { insurance(year: 2020) { scheme } }'), (d) => d.household?.members[0]?.insurance) },
  'Member.claims': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { claims(year: 2020) { totalCost } }'), (d) => d.household?.members[0]?.claims) },
  'Member.familyDoctor': { subgraph: 'health-insurance', run: q(HOUSEHOLD('members { familyDoctor(year: 2020) { doctorTeam } }'), (d) => d.household?.members[0]?.familyDoctor) },
  'Household.medical': { subgraph: 'health-insurance', run: q(HOUSEHOLD('medical(year: 2020) { totalCost }'), (d) => d.household?.medical) },
  'Query.insuranceCoverage': { subgraph: 'health-insurance', run: q(`query($c: ID!) { insuranceCoverage(regionCode: $c, year: 2020) { members } }`, (d) => d.insuranceCoverage, (f) => ({ c: f.county })) },
  'AuditLogs.healthInsurance': { subgraph: 'health-insurance', run: q(`{ auditLogs { healthInsurance(first: 1) { totalCount } } }`, (d) => d.auditLogs?.healthInsurance, () => ({})) },
  '_entities Member (health)': { subgraph: 'health-insurance', run: entities('Member', 'insurance(year: 2020) { scheme }', (e) => e?.insurance) },
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
  '_entities Member (education)': { subgraph: 'education-aid', run: entities('Member', 'schooling(year: 2020) { stage }', (e) => e?.schooling) },
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
  '_entities Household (housing)': { subgraph: 'housing-repair', run: entities('Household', 'housing { safe }', (e) => e?.housing) },
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
    run: async (as, f) => {
      // A renovation of its own to move: each caller that may write moves a fresh one.
      const { recordRenovation } = await fixtureAdmin.data<{ recordRenovation: { id: string } }>(`mutation($input: RecordRenovationInput!) { recordRenovation(input: $input) { id } }`, {
        input: { householdId: f.household.id, kind: 'REPAIR', subsidy: 1000, status: 'PLANNED' },
      });
      return q(`mutation($input: AdvanceRenovationInput!) { advanceRenovation(input: $input) { status } }`, (d) => d.advanceRenovation, () => ({
        input: { renovationId: recordRenovation.id, status: 'IN_PROGRESS', startedOn: '2019-01-01' },
      }))(as, f);
    },
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
  '_entities Member (employment)': { subgraph: 'employment', run: entities('Member', 'employment(year: 2020) { status }', (e) => e?.employment) },
  '_entities Household (employment)': { subgraph: 'employment', run: entities('Household', 'industrySupport { amount }', (e) => e?.industrySupport) },
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

const rows = MATRIX.trim().split('\n').slice(1).map((line) => {
  const tokens = line.trim().split(/\s+/);
  return { name: tokens.slice(0, -COLUMNS.length).join(' '), outcomes: tokens.slice(-COLUMNS.length) };
});

let hub: Awaited<ReturnType<typeof startHub>>;
let fixture: Fixture;
let fixtureSeed: ReturnType<typeof seed>;
let fixtureAdmin: GraphQLClient;

function callerOf(column: (typeof COLUMNS)[number], region: string, subject: string): Caller {
  const role: Role = (['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'AUDITOR'] as string[]).includes(column) ? (column as Role) : 'DEPARTMENT_OFFICER';
  return { subject, role, regionCode: role === 'ADMIN' ? '000000000000' : region, ...(role === 'DEPARTMENT_OFFICER' ? { department: column as Department } : {}) };
}

async function clientsOf(caller: Caller, subgraph: Path['subgraph']) {
  const gateway = await hub.as(caller.role, caller.regionCode, caller.department, caller.subject);
  return { gateway, direct: hub.subgraphs[subgraph]!.as(caller) };
}

const refusalsOf = async (subgraph: string, actor: string) =>
  Number((await hub.subgraphs[subgraph]!.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from audit_log where actor = ? and outcome = 'REFUSED'`, [actor]))[0]!.n);

beforeAll(async () => {
  hub = await startHub();
  fixtureAdmin = hub.client;
  fixtureSeed = seed(hub.client);
  const village = await fixtureSeed.village();
  await fixtureSeed.village({ county: ELSEWHERE });
  const household = await fixtureSeed.household({ villageCode: village, members: [{ relationToHead: 'HEAD', healthStatus: 'CHRONIC_ILLNESS' }, { relationToHead: 'SPOUSE', gender: 'FEMALE' }] });
  const memberId = household.members[0]!.id;
  await hub.client.data(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { input: { householdId: household.id, year: 2020, incomePerCapita: 4800 } });
  await hub.client.data(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, { input: { memberId, year: 2020, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 } });
  await hub.client.data(`mutation($input: SignFamilyDoctorContractInput!) { signFamilyDoctorContract(input: $input) { year } }`, { input: { memberId, year: 2020, doctorTeam: '团队', signedOn: '2020-01-10' } });
  await hub.client.data(`mutation($input: RecordSchoolingInput!) { recordSchooling(input: $input) { year } }`, { input: { memberId, year: 2020, stage: 'TERTIARY', school: '开放大学', status: 'ENROLLED' } });
  await hub.client.data(`mutation($input: RecordGrantInput!) { recordGrant(input: $input) { id } }`, { input: { memberId, program: 'STUDENT_LOAN', amount: 100, paidOn: '2020-05-05' } });
  await hub.client.data(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { input: { memberId, year: 2020, status: 'OUT_OF_PROVINCE', monthsWorked: 10, monthlyIncome: 4000 } });
  fixture = { county: '420115000000', village, household, fresh: () => fixtureSeed.household({ villageCode: village }) };
});
afterAll(() => hub?.stop());

test('the table names every path once, with a cell for every column', () => {
  expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(PATHS).sort());
  for (const r of rows) expect([r.name, r.outcomes.length]).toEqual([r.name, COLUMNS.length]);
});

describe.each(COLUMNS)('%s in its county', (column) => {
  test.each(rows.map((r) => [r.name, r.outcomes[COLUMNS.indexOf(column)]!] as const))('%s: %s', async (name, expected) => {
    const path = PATHS[name]!;
    const caller = callerOf(column, fixture.county, `matrix-${column}-${name}`.replace(/\W+/g, '-'));
    const before = await refusalsOf(path.subgraph, caller.subject);
    const { res, value } = await path.run(await clientsOf(caller, path.subgraph), fixture);
    if (expected === 'y') {
      expect({ name, errors: res.errors ?? [] }).toEqual({ name, errors: [] });
      expect(value ?? null).not.toBeNull();
    } else {
      expect({ name, code: errorCode(res) }).toEqual({ name, code: 'FORBIDDEN' });
      expect(value ?? null).toBeNull();
      expect(await refusalsOf(path.subgraph, caller.subject)).toBeGreaterThan(before);
    }
  });
});

describe.each(COLUMNS.filter((c) => c !== 'ADMIN'))('%s of another county', (column) => {
  test.each(OUTSIDE_PATHS)('%s is refused', async (name) => {
    const path = PATHS[name]!;
    const caller = callerOf(column, ELSEWHERE, `outside-${column}-${name}`.replace(/\W+/g, '-'));
    const { res, value } = await path.run(await clientsOf(caller, path.subgraph), fixture);
    expect({ name, code: errorCode(res) }).toEqual({ name, code: 'FORBIDDEN' });
    expect(value ?? null).toBeNull();
    // Refused where the path is first refused: a household outside is refused by the registry before the department is asked.
    const refusals = await Promise.all(Object.keys(hub.subgraphs).map((subgraph) => refusalsOf(subgraph, caller.subject)));
    expect(refusals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
