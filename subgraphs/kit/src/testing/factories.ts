import { makeIdNumber } from '../domain/id-number.js';
import { todayInChina } from '../domain/dates.js';
import type { GraphQLClient } from './client.js';

export interface MemberSeed {
  name?: string;
  idNumber?: string;
  relationToHead?: string;
  healthStatus?: string;
  disabilityGrade?: number | null;
  laborCapacity?: string;
  birthDate?: string;
  gender?: 'MALE' | 'FEMALE';
}

export interface HouseholdSeed {
  villageCode: string;
  householdNumber?: string;
  type?: string;
  identifiedYear?: number;
  mainCause?: string;
  otherCauses?: string[];
  safeDrinkingWater?: boolean;
  members?: MemberSeed[];
}

export interface SeededHousehold {
  id: string;
  householdNumber: string;
  members: { id: string; name: string; idNumber: string; relationToHead: string }[];
}

const REGISTER_REGION = `mutation($input: RegisterRegionInput!) { registerRegion(input: $input) { code } }`;
const FIND_REGION = `query($code: ID!) { region(code: $code) { code } }`;
const REGISTER_HOUSEHOLD = `mutation($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id householdNumber members { id name relationToHead } } }`;

let counter = 0;
const unique = () => ++counter + Math.floor(Math.random() * 1000) * 1000;

/**
 * Fluent test data through the real API: `const s = seed(client); const v = await s.village();
 * const h = await s.household({ villageCode: v })`. Every ID number it makes is valid and new.
 */
// Shared by every seed() of a test file (a file has its own database and module registry).
let sequence = 0;

export function seed(client: GraphQLClient) {

  const api = {
    /** A valid resident ID number nobody else in this test file has (each file has its own database). */
    idNumber(birthDate = '1980-05-17', gender: 'MALE' | 'FEMALE' = 'MALE', region6 = '420115'): string {
      const n = sequence++;
      // 500 sequence numbers per gender and day; past that, the next day.
      const day = new Date(Date.parse(`${birthDate}T00:00:00Z`) + Math.floor(n / 500) * 86_400_000);
      return makeIdNumber(region6, day.toISOString().slice(0, 10), (n % 500) * 2 + (gender === 'MALE' ? 1 : 0));
    },

    async region(code: string, name = `地区${code}`, isPovertyVillage = false): Promise<string> {
      const found = await client.data<{ region: { code: string } | null }>(FIND_REGION, { code });
      if (!found.region) await client.data(REGISTER_REGION, { input: { code, name, isPovertyVillage } });
      return code;
    },

    /** Province, city and county (default Jiangxia, 420115) when missing, then a new township and village. */
    async village(options: { county?: string; isPovertyVillage?: boolean } = {}): Promise<string> {
      const county = options.county ?? '420115000000';
      await api.region(`${county.slice(0, 2)}0000000000`);
      await api.region(`${county.slice(0, 4)}00000000`);
      await api.region(county);
      const n = unique() % 999 + 1;
      const township = `${county.slice(0, 6)}${String(n).padStart(3, '0')}000`;
      await api.region(township);
      const village = `${township.slice(0, 9)}${String((unique() % 999) + 1).padStart(3, '0')}`;
      await api.region(village, `村${village.slice(-3)}`, options.isPovertyVillage ?? false);
      return village;
    },

    member(overrides: MemberSeed = {}): Required<Omit<MemberSeed, 'birthDate' | 'gender'>> {
      return {
        name: overrides.name ?? '张三',
        idNumber: overrides.idNumber ?? api.idNumber(overrides.birthDate, overrides.gender),
        relationToHead: overrides.relationToHead ?? 'HEAD',
        healthStatus: overrides.healthStatus ?? 'HEALTHY',
        disabilityGrade: overrides.disabilityGrade ?? null,
        laborCapacity: overrides.laborCapacity ?? 'ORDINARY',
      };
    },

    /** The input registerHousehold takes; a HEAD and a SPOUSE unless members are given. */
    householdInput(options: HouseholdSeed) {
      const members = (options.members ?? [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE', name: '李四', gender: 'FEMALE' }]).map((m) => api.member(m));
      return {
        villageCode: options.villageCode,
        householdNumber: options.householdNumber ?? `${options.villageCode}${String(unique()).padStart(7, '0')}`,
        type: options.type ?? 'GENERAL',
        identifiedYear: options.identifiedYear ?? 2016,
        mainCause: options.mainCause ?? 'ILLNESS',
        otherCauses: options.otherCauses ?? [],
        safeDrinkingWater: options.safeDrinkingWater ?? true,
        members,
      };
    },

    async household(options: HouseholdSeed): Promise<SeededHousehold> {
      const input = api.householdInput(options);
      const { registerHousehold } = await client.data<{ registerHousehold: Omit<SeededHousehold, 'members'> & { members: { id: string; name: string; relationToHead: string }[] } }>(
        REGISTER_HOUSEHOLD,
        { input },
      );
      return {
        ...registerHousehold,
        members: registerHousehold.members.map((m, i) => ({ ...m, idNumber: input.members[i]!.idNumber })),
      };
    },
  };
  return api;
}

/** Tomorrow in China Standard Time, as the server judges "in the future", whatever the runner's time zone. */
export function tomorrowInChina(): string {
  return new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Meets every guarantee of the exit standard for a year through the real API, for a household
 * with no member of compulsory-school age: income above the line, everyone insured, a house
 * appraised A, the head employed. Tests of what comes after an exit start from here.
 */
export async function meetExitStandard(client: GraphQLClient, household: SeededHousehold, year = 2020, incomePerCapita = 6000): Promise<void> {
  const input = (query: string, value: Record<string, unknown>) => client.data(query, { input: value });
  await input(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { householdId: household.id, year, incomePerCapita });
  for (const m of household.members) {
    await input(`mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`, { memberId: m.id, year, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 });
  }
  await input(`mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { grade } }`, { householdId: household.id, grade: 'A', appraisedOn: `${year}-01-02`, appraiser: '鉴定组' });
  await input(`mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { year } }`, { memberId: household.members[0]!.id, year, status: 'IN_COUNTY', monthsWorked: 10, monthlyIncome: 3000 });
}

const PROPOSE = `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id step } }`;
const REVIEW = `mutation($id: ID!, $reason: String!) { reviewStatusChange(id: $id, approve: true, reason: $reason) { id step } }`;
const DECIDE = `mutation($id: ID!, $reason: String!) { decideStatusChange(id: $id, approve: true, reason: $reason) { id step household { id status } } }`;

/**
 * A status change the county decides, taken through its whole procedure by three different
 * people (a caseworker proposes, a county officer reviews an exit, an admin decides), all with
 * the whole country as jurisdiction. For tests, whose hub runs with FUPIN_NOTICE_DAYS=0: the
 * township reviews the day it is proposed.
 */
export async function throughProcedure(
  hub: { as(role: 'CASEWORKER' | 'COUNTY_OFFICER' | 'ADMIN'): Promise<GraphQLClient> },
  householdId: string,
  toStatus: string,
  effectiveDate: string,
  reason = '达标',
): Promise<{ id: string; step: string; household: { id: string; status: string } }> {
  const [proposer, reviewer, decider] = await Promise.all([hub.as('CASEWORKER'), hub.as('COUNTY_OFFICER'), hub.as('ADMIN')]);
  const { proposeStatusChange: proposed } = await proposer.data<{ proposeStatusChange: { id: string; step: string } }>(PROPOSE, { input: { householdId, toStatus, effectiveDate, reason } });
  if (proposed.step === 'TOWNSHIP') await reviewer.data(REVIEW, { id: proposed.id, reason: '乡镇审核通过' });
  const { decideStatusChange } = await decider.data<{ decideStatusChange: { id: string; step: string; household: { id: string; status: string } } }>(DECIDE, { id: proposed.id, reason: '县级审定' });
  return decideStatusChange;
}
