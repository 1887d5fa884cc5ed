import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { awaitInReplicas, seed, type SeededHousehold } from '@fupin/kit/testing';
import { contractOperation } from './support/contract.js';
import { startHub } from './support/hub.js';

// What `npm run bench` measures costs the SQL it costs today, and no more: the household view
// and a village page of 50 households, each statement of every subgraph counted. A change
// that adds a statement per request (or per household: N+1) turns this red; a change that
// saves some lowers the budget here.
const QUERIES = readFileSync(fileURLToPath(new URL('../bench/queries.graphql', import.meta.url)), 'utf8');
const OPERATIONS = {
  // The contract's, without `coverage`, as the benchmark asks it.
  HouseholdView: contractOperation('HouseholdView').replace(/\n {4}coverage\(year: \$year\) \{[\s\S]*?\n {4}\}/, ''),
  VillagePage: /query VillagePage\b[\s\S]*?\n}\n/.exec(QUERIES)![0],
};

// Per subgraph, as measured on 2026-12-03: a subgraph's reads of one turn go as one statement
// (kit `readRows`), a department checks jurisdiction in that statement, the registry reads a
// page with its members, and the gateway sends a department's two fetches of one plan (the
// members' fields and the household's) as one batch that shares those reads. The issue's bar
// is the floor's (one per database, 5) plus one per subgraph: 10.
const BUDGET = {
  HouseholdView: { households: 2, 'health-insurance': 1, 'education-aid': 1, 'housing-repair': 1, employment: 1 },
  VillagePage: { households: 2, 'health-insurance': 1, 'education-aid': 1, 'housing-repair': 1, employment: 1 },
};
const BAR = 5 + 5;

let hub: Awaited<ReturnType<typeof startHub>>;
let village: string;
let households: SeededHousehold[];
beforeAll(async () => {
  hub = await startHub({ limits: { ratePerMinute: 1_000_000 } });
  const s = seed(hub.client);
  village = await s.village();
  households = [];
  for (let i = 0; i < 50; i++) households.push(await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD' }, { relationToHead: 'SPOUSE' }, { relationToHead: 'CHILD', birthDate: '2012-03-04' }] }));
  await awaitInReplicas(hub.subgraphs, households.at(-1)!.members.at(-1)!.id);
}, 120_000);
afterAll(() => hub?.stop());

async function statements(query: string, variables: Record<string, unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const before = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.sql.statements.length]));
  const res = await hub.client.request(query, variables);
  expect(res.errors).toBeUndefined();
  for (const [name, s] of Object.entries(hub.subgraphs)) counts[name] = s.sql.statements.length - before[name]!;
  return counts;
}

test.each(['HouseholdView', 'VillagePage'] as const)('%s costs at most its SQL statements per subgraph', async (name) => {
  const variables = name === 'HouseholdView' ? { id: households[0]!.id, year: 2020 } : { code: village, year: 2020 };
  expect(OPERATIONS[name]).not.toContain('coverage');
  await statements(OPERATIONS[name], variables); // warm: nothing a first request sets up counts
  const counts = await statements(OPERATIONS[name], variables);
  for (const [subgraph, budget] of Object.entries(BUDGET[name])) expect({ subgraph, statements: counts[subgraph]! <= budget ? 'within budget' : counts[subgraph] }).toEqual({ subgraph, statements: 'within budget' });
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BAR);
  // Every subgraph is counted: a new department gets its budget here.
  expect(Object.keys(counts).sort()).toEqual(Object.keys(BUDGET[name]).sort());
});
