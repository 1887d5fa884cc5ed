// Compiled by `npm run typecheck -w client` (tsc -p test/usage): a frontend's use of the typed
// client. Each @ts-expect-error must be an error, so results typed `any` fail the compile too.
import { createHubClient, HouseholdViewDocument, type HouseholdViewQuery, RegionDocument, type RegionQuery, VillageHouseholdsDocument } from '@fupin/client';

const hub = createHubClient({ url: 'http://127.0.0.1:4000/graphql', token: 'token' });

export async function regionName(code: string): Promise<string | undefined> {
  const data: RegionQuery = await hub.request(RegionDocument, { code });
  // The contract's Region selects code, name, level, isPovertyVillage, parent, children.
  const children: { code: string; name: string }[] = data.region?.children ?? [];
  void children;
  // @ts-expect-error householdCount is not selected by the contract's Region operation
  void data.region?.householdCount;
  return data.region?.name;
}

export async function headOf(id: string) {
  const data: HouseholdViewQuery = await hub.request(HouseholdViewDocument, { id, year: 2020 });
  // @ts-expect-error year is a required variable
  await hub.request(HouseholdViewDocument, { id });
  // @ts-expect-error variables must be given when some are required
  await hub.request(RegionDocument);
  return data.household?.householdNumber;
}

export async function firstPage(code: string) {
  const data = await hub.request(VillageHouseholdsDocument, { code, first: 20, status: 'POOR' });
  // @ts-expect-error status is a PovertyStatus, not any text
  await hub.request(VillageHouseholdsDocument, { code, status: 'RICH' });
  const total: number | undefined = data.region?.households.totalCount;
  return total;
}
