import { seed } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// Listing a village must not cost a query per household (N+1): heads and members are
// loaded in one batch whatever the page size.
const LIST = `query($code: ID!, $first: Int) {
  region(code: $code) {
    name
    households(first: $first) {
      totalCount
      nodes { id householdNumber village { code name } head { name maskedIdNumber } members { name relationToHead } incomePerCapita(year: 2020) statusHistory { status } }
    }
  }
}`;

let hub: Awaited<ReturnType<typeof startHub>>;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('10 and 100 households of a village with their heads and members cost the same SQL statements', async () => {
  const s = seed(hub.client);
  const village = await s.village();
  for (let i = 0; i < 100; i++) await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE' }, { relationToHead: 'CHILD' }] });
  const sql = hub.subgraphs.households!.sql;

  const statementsFor = async (first: number) => {
    const { result, statements } = await sql.during(() => hub.client.data<{ region: any }>(LIST, { code: village, first }));
    expect(result.region.households.nodes).toHaveLength(first);
    expect(result.region.households.nodes.every((n: any) => n.members.length === 3 && n.head.name)).toBe(true);
    return statements;
  };
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(hundred.length).toBe(ten.length);
  // region, page, count, villages, members, incomes, histories
  expect(ten.length).toBeLessThanOrEqual(7);
});
