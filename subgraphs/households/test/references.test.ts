import { type GraphQLClient, seed, type SeededHousehold, startTestSubgraph, type TestSubgraph } from '@fupin/kit/testing';
import { households } from '../src/index.js';

// Other subgraphs reach households and members through `_entities`; the gateway sends a
// whole page of references in one call, which must cost one query per type, not one per row.
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Household { id householdNumber village { code } head { name } }
    ... on Member { id name maskedIdNumber household { id } }
    ... on Region { code name }
  }
}`;

let subgraph: TestSubgraph;
let client: GraphQLClient;
beforeAll(async () => {
  subgraph = await startTestSubgraph(households);
  client = subgraph.as({ subject: 'test-admin', role: 'ADMIN', regionCode: '000000000000' });
});
afterAll(() => subgraph?.stop());

test('entity references are batched: 5 and 50 households with their members cost the same statements', async () => {
  const s = seed(client);
  const village = await s.village();
  const seeded: SeededHousehold[] = [];
  for (let i = 0; i < 50; i++) seeded.push(await s.household({ villageCode: village }));

  const statementsFor = async (n: number) => {
    const representations = seeded.slice(0, n).flatMap((h) => [
      { __typename: 'Household', id: h.id },
      ...h.members.map((m) => ({ __typename: 'Member', id: m.id })),
    ]);
    representations.push({ __typename: 'Region', code: village } as never);
    const { result, statements } = await subgraph.sql.during(() => client.data<{ _entities: any[] }>(ENTITIES, { representations }));
    expect(result._entities).toHaveLength(representations.length);
    expect(result._entities[0]).toMatchObject({ id: seeded[0]!.id, householdNumber: seeded[0]!.householdNumber, village: { code: village }, head: { name: '张三' } });
    expect(result._entities[1]).toMatchObject({ id: seeded[0]!.members[0]!.id, household: { id: seeded[0]!.id }, maskedIdNumber: expect.stringMatching(/^\d{6}\*{8}\w{4}$/) });
    return statements.length;
  };
  const five = await statementsFor(5);
  expect(await statementsFor(50)).toBe(five);
});

test('a reference to something that does not exist is null, not an error', async () => {
  const res = await client.request<{ _entities: unknown[] }>(ENTITIES, {
    representations: [
      { __typename: 'Household', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Member', id: 'not-a-uuid' },
      { __typename: 'Region', code: '999999000000' },
    ],
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!._entities).toEqual([null, null, null]);
});
