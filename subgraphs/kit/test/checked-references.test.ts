import { randomUUID } from 'node:crypto';
import { buildSchema } from 'graphql';
import type { Caller } from '../src/index.js';
import { collectReferenceChecks } from '../src/graphql/checked-references.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing/index.js';
import { toySubgraph } from './support/toy-subgraph.js';

// A reference answered at once while its check runs: over real HTTP, a refused one leaves as
// null with the check's error, and nothing read for it (nor its fields' errors) is sent.
let toy: TestSubgraph;
const county: Caller = { subject: 'caseworker-r', role: 'CASEWORKER', regionCode: '420115000000' };
const mine = randomUUID();
const alsoMine = randomUUID();
const theirs = randomUUID();
const boom = randomUUID();

beforeAll(async () => {
  toy = await startTestSubgraph(toySubgraph);
  const sql = toy.orm.em.fork().getConnection();
  await sql.execute(`insert into plot values (?, '420115101201', 'east field'), (?, '420115102201', 'west field'), (?, '420116101201', 'their field'), (?, '420115101201', 'boom')`, [mine, alsoMine, theirs, boom]);
});
afterAll(() => toy?.stop());

const ENTITIES = `query($r: [_Any!]!) { found: _entities(representations: $r) { ... on Plot { id name broken } } }`;
const reps = (...ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Plot', id })) });
type Found = { found: ({ id: string; name: string; broken: null } | null)[] };

test('refused and failed references are null with their own error, in place; the others keep their fields and their fields\' errors', async () => {
  const res = await toy.as(county).request<Found>(ENTITIES, reps(mine, theirs, alsoMine, boom));
  expect(res.data!.found).toEqual([{ id: mine, name: 'east field', broken: null }, null, { id: alsoMine, name: 'west field', broken: null }, null]);
  const errors = res.errors!.map((e) => [e.path!.join('.'), e.extensions!.code, e.message]).sort();
  expect(errors).toEqual(
    [
      ['found.0.broken', 'FORBIDDEN', 'broken is never readable'],
      ['found.1', 'FORBIDDEN', 'plot is outside your jurisdiction'],
      ['found.2.broken', 'FORBIDDEN', 'broken is never readable'],
      // A check that failed as the database would: masked, its text never sent.
      ['found.3', 'INTERNAL_SERVER_ERROR', 'internal error'],
    ].sort(),
  );
  const [refused] = await toy.orm.em.fork().getConnection().execute<{ actor: string; action: string; subject_id: string }[]>(`select actor, action, subject_id from audit_log where outcome = 'REFUSED'`);
  expect(refused).toEqual({ actor: 'caseworker-r', action: 'read Plot', subject_id: theirs });
  expect(JSON.stringify(res)).not.toContain('their field');
});

test('every reference allowed: the answer as Apollo gives it; none refused whatever the order', async () => {
  const res = await toy.as(county).request<Found>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Plot { id name } } }`, reps(alsoMine, mine));
  expect(res).toEqual({ status: 200, data: { _entities: [{ id: alsoMine, name: 'west field' }, { id: mine, name: 'east field' }] } });
  // A caller of the whole province sees the neighbour's too.
  const province = await toy.as({ subject: 'p', role: 'COUNTY_OFFICER', regionCode: '420000000000' }).request<Found>(ENTITIES.replace(' broken', ''), reps(theirs));
  expect(province).toEqual({ status: 200, data: { found: [{ id: theirs, name: 'their field' }] } });
});

test('a reference that throws itself, and one not found, keep the errors Apollo gives them; a refused one beside them is still refused', async () => {
  const res = await toy.as(county).request<Found>(ENTITIES, reps('thrown', theirs, randomUUID()));
  expect(res.data!.found).toEqual([null, null, null]);
  expect(res.errors!.map((e) => [e.path!.join('.'), e.extensions!.code]).sort()).toEqual([
    ['found.0', 'FORBIDDEN'],
    ['found.1', 'FORBIDDEN'],
    ['found.2', 'NOT_FOUND'],
  ]);
  expect(res.errors!.find((e) => e.path!.join('.') === 'found.0')!.message).toBe('this reference throws itself');
});

test('a request with no references, or a schema with no entities, is left as it is', async () => {
  expect(await toy.as(county).request('{ plotCount }')).toEqual({ status: 200, data: { plotCount: 4 } });
  const plain = buildSchema('type Query { a: Int }');
  expect(() => collectReferenceChecks(plain)).not.toThrow();
  expect(plain.getQueryType()!.getFields().a!.resolve).toBeUndefined();
});
