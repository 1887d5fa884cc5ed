import { createHubClient, HouseholdViewDocument, type HubClient, HubRequestError, RegionDocument, UpdateHouseholdDocument, VillageHouseholdsDocument } from '@fupin/client';
import { type ConsumerTestHub, startTestHub } from '@fupin/test-hub';

// A frontend team's integration tests: the typed client against a test hub seeded with a small
// county, as production runs it (trusted documents enforced: only released documents are served).
let hub: ConsumerTestHub;
let caseworker: HubClient;
let countyOfficer: HubClient;

beforeAll(async () => {
  hub = await startTestHub({ households: 20, seed: 1, trustedDocuments: 'enforce' });
  caseworker = createHubClient({ url: hub.url, token: () => hub.token({ role: 'CASEWORKER' }) });
  countyOfficer = createHubClient({ url: hub.url, token: () => hub.token({ role: 'COUNTY_OFFICER' }) });
}, 180_000);
afterAll(() => hub?.stop());
// Each test starts from the seeded county.
afterEach(() => hub.reset(), 60_000);

const firstHousehold = async () => {
  const { region } = await caseworker.request(VillageHouseholdsDocument, { code: hub.county, first: 5 });
  return region!.households.nodes[0]!;
};

test("a caseworker lists the county's households and opens one", async () => {
  const { region } = await caseworker.request(RegionDocument, { code: hub.county });
  expect(region?.code).toBe(hub.county);
  const { region: listed } = await caseworker.request(VillageHouseholdsDocument, { code: hub.county, first: 5 });
  expect(listed!.households.totalCount).toBe(20);
  const first = listed!.households.nodes[0]!;
  const { household } = await caseworker.request(HouseholdViewDocument, { id: first.id, year: 2020 });
  expect(household?.householdNumber).toBe(first.householdNumber);
  expect(household!.members.length).toBeGreaterThan(0);
  expect(household!.members[0]!.maskedIdNumber).toMatch(/\*/);
});

test('a county officer corrects a household; the view shows it', async () => {
  const first = await firstHousehold();
  const { updateHousehold } = await countyOfficer.request(UpdateHouseholdDocument, { input: { householdId: first.id, effectiveDate: '2020-06-01', reason: '入户核实', helper: '王帮扶' } });
  expect(updateHousehold.helper).toBe('王帮扶');
});

test('after a reset the correction is gone: the same correction is a change again', async () => {
  // Without the reset the household would have this helper already, and the hub refuses a change that sets nothing.
  const first = await firstHousehold();
  const { updateHousehold } = await countyOfficer.request(UpdateHouseholdDocument, { input: { householdId: first.id, effectiveDate: '2020-06-01', reason: '入户核实', helper: '王帮扶' } });
  expect(updateHousehold.helper).toBe('王帮扶');
});

test("a department officer gets the household with the registry's private fields refused: typed errors, partial data", async () => {
  const first = await firstHousehold();
  const officer = createHubClient({ url: hub.url, token: () => hub.token({ role: 'DEPARTMENT_OFFICER', department: 'HEALTH_INSURANCE' }) });
  const err = await officer.request(HouseholdViewDocument, { id: first.id, year: 2020 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HubRequestError);
  expect((err as HubRequestError).codes).toContain('FORBIDDEN');
  expect(((err as HubRequestError).data as { household: { id: string } | null }).household?.id).toBe(first.id);
});

test('a document that was never released is refused (trusted documents enforced)', async () => {
  const freeText = createHubClient({ url: hub.url, token: () => hub.token({ role: 'CASEWORKER' }), send: 'query' });
  const err = await freeText.request(RegionDocument, { code: hub.county }).catch((e: unknown) => e);
  expect((err as HubRequestError).codes).toEqual(['OPERATION_NOT_TRUSTED']);
});
