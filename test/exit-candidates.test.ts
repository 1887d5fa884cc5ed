import { meetExitStandard, seed, throughProcedure } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// The village's work list for the exit procedure (issue 24, item 6): households POOR or
// RELAPSED with no open status change whose coverage of the year is exit-eligible, by
// household number, paged; judged in batches (one coverage call per department per batch).
let hub: Awaited<ReturnType<typeof startHub>>;
let s: ReturnType<typeof seed>;

beforeAll(async () => {
  hub = await startHub();
  s = seed(hub.client);
});
afterAll(() => hub?.stop());

const CANDIDATES = `query($code: ID!, $year: Int!, $first: Int, $after: String) { region(code: $code) {
  exitCandidates(year: $year, first: $first, after: $after) { nodes { id status } pageInfo { hasNextPage endCursor } scanned } } }`;

test('the households ready to propose for exit: not those with a gap, an open proposal, or already lifted; paged', async () => {
  const village = await s.village();
  const ready1 = await s.household({ villageCode: village, householdNumber: `${village}0000001` });
  const gap = await s.household({ villageCode: village, householdNumber: `${village}0000002` });
  const proposed = await s.household({ villageCode: village, householdNumber: `${village}0000003` });
  const ready2 = await s.household({ villageCode: village, householdNumber: `${village}0000004` });
  const lifted = await s.household({ villageCode: village, householdNumber: `${village}0000005` });
  for (const h of [ready1, proposed, ready2, lifted]) await meetExitStandard(hub.client, h);
  expect((await throughProcedure(hub, lifted.id, 'LIFTED', '2020-12-20')).household.status).toBe('LIFTED');
  // The gap: everything but the income of the year.
  await meetExitStandard(hub.client, gap, 2019);
  const caseworker = await hub.as('CASEWORKER', village);
  await caseworker.data(`mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id } }`, {
    input: { householdId: proposed.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '民主评议' },
  });

  const page = async (first: number, after?: string) =>
    (await caseworker.data<{ region: { exitCandidates: any } }>(CANDIDATES, { code: village, year: 2020, first, after })).region.exitCandidates;
  const all = await page(10);
  expect(all).toEqual({ nodes: [{ id: ready1.id, status: 'POOR' }, { id: ready2.id, status: 'POOR' }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, scanned: 4 });

  const one = await page(1);
  expect(one.nodes).toEqual([{ id: ready1.id, status: 'POOR' }]);
  expect(one.pageInfo.hasNextPage).toBe(true);
  const next = await page(1, one.pageInfo.endCursor);
  expect(next.nodes).toEqual([{ id: ready2.id, status: 'POOR' }]);

  // Another village's caseworker sees none of them; a bad year is refused.
  const other = await hub.as('CASEWORKER', await s.village());
  const outside = await other.request<{ region: { exitCandidates: any } | null }>(CANDIDATES, { code: village, year: 2020, first: 10 });
  expect(outside.data?.region?.exitCandidates?.nodes ?? []).toEqual([]);
  const badYear = await caseworker.request(CANDIDATES, { code: village, year: 1999, first: 10 });
  expect(badYear.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const tooMany = await caseworker.request(CANDIDATES, { code: village, year: 2020, first: 101 });
  expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
