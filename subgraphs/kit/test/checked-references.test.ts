import { randomUUID } from 'node:crypto';
import { buildSchema, type GraphQLFormattedError } from 'graphql';
import { type Caller, ForbiddenError } from '../src/index.js';
import { type CheckedReferences, checkedReference, collectReferenceChecks, referenceChecksPlugin } from '../src/graphql/checked-references.js';
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

// The same parts without HTTP: what `_entities` remembers, and how the answer is rewritten.
describe('the parts, one at a time', () => {
  const info = { path: { key: 'found' } } as never;
  const entitiesOf = (items: unknown) => {
    const schema = buildSchema('type Query { _entities: [Int] }');
    schema.getQueryType()!.getFields()._entities!.resolve = () => items;
    collectReferenceChecks(schema);
    return (context: CheckedReferences) => schema.getQueryType()!.getFields()._entities!.resolve!(null, {}, context, info);
  };

  test('a check that passes is nothing, one that fails is its error at the item’s place; an item that failed itself or is null has no check', async () => {
    const refused = new ForbiddenError('not yours');
    const threw = Promise.reject(new Error('the reference threw'));
    threw.catch(() => {});
    const items = [Promise.resolve(checkedReference({ id: 'a' }, Promise.resolve('fine'))), checkedReference({ id: 'b' }, Promise.reject(refused)), threw, null, { id: 'unchecked' }];
    const context: CheckedReferences = {};
    expect(entitiesOf(items)(context)).toBe(items);
    expect(await Promise.all(context.referenceChecks!)).toEqual([null, { key: 'found', index: 1, error: refused }, null, null, null]);
    // The entity keeps only its own fields: the check is not one of them, nor copied with them.
    const entity = (await items[0]!) as object;
    expect(Object.getOwnPropertySymbols(entity).filter((s) => Object.prototype.propertyIsEnumerable.call(entity, s))).toEqual([]);
    expect(Object.getOwnPropertySymbols({ ...entity })).toEqual([]);
  });

  test('an `_entities` that answers no list leaves nothing to check; a second call adds to the same request', async () => {
    const context: CheckedReferences = {};
    expect(entitiesOf(null)(context)).toBeNull();
    expect(context.referenceChecks).toBeUndefined();
    const twice = entitiesOf([checkedReference({}, Promise.reject(new ForbiddenError()))]);
    twice(context);
    twice(context);
    expect(context.referenceChecks).toHaveLength(2);
  });

  test('a schema whose query type has no `_entities`, or no query type, or an `_entities` without a resolver, is left as it is', () => {
    expect(() => collectReferenceChecks(buildSchema('type Mutation { a: Int } schema { mutation: Mutation }'))).not.toThrow();
    const unresolved = buildSchema('type Query { _entities: [Int] }');
    collectReferenceChecks(unresolved);
    expect(unresolved.getQueryType()!.getFields()._entities!.resolve).toBeUndefined();
  });

  type Result = { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };
  const send = async (checks: CheckedReferences['referenceChecks'], result: Result, kind = 'single') => {
    const hooks = await referenceChecksPlugin<CheckedReferences>().requestDidStart!({} as never);
    await hooks!.willSendResponse!({ contextValue: { referenceChecks: checks }, response: { body: { kind, singleResult: result } } } as never);
    return result;
  };
  const refusal = (index: number, error: unknown = new ForbiddenError('outside your jurisdiction')) => Promise.resolve({ key: 'found', index, error });

  test('no checks, or every check passed: the answer is untouched (no errors list is added)', async () => {
    for (const checks of [undefined, [], [Promise.resolve(null), Promise.resolve(null)]]) {
      const result = await send(checks, { data: { found: [{ id: 'a' }] } });
      expect(result).toEqual({ data: { found: [{ id: 'a' }] } });
      expect('errors' in result).toBe(false);
    }
  });

  test('a refused item becomes null with its own error; its fields’ errors go, every other error stays', async () => {
    const result = await send([Promise.resolve(null), refusal(1)], {
      data: { found: [{ id: 'a', broken: null }, { id: 'b', broken: null }], other: [1, 2] },
      errors: [
        { message: 'a broken', path: ['found', 0, 'broken'] },
        { message: 'b broken', path: ['found', 1, 'broken'] },
        { message: 'other 1', path: ['other', 1] },
        { message: 'no path' },
      ],
    });
    expect(result.data).toEqual({ found: [{ id: 'a', broken: null }, null], other: [1, 2] });
    expect(result.errors!.map((e) => [e.message, e.path?.join('.'), e.extensions?.code])).toEqual([
      ['a broken', 'found.0.broken', undefined],
      ['other 1', 'other.1', undefined],
      ['no path', undefined, undefined],
      ['outside your jurisdiction', 'found.1', 'FORBIDDEN'],
    ]);
  });

  test('a refusal with no errors before, and one with no data at all, still leaves its error; an internal failure is masked', async () => {
    const none = await send([refusal(0)], { data: { found: [{ id: 'a' }] } });
    expect(none).toEqual({ data: { found: [null] }, errors: [expect.objectContaining({ message: 'outside your jurisdiction', path: ['found', 0] })] });
    const noData = await send([refusal(0, new Error('relation "plot" does not exist'))], { data: null });
    expect(noData.data).toBeNull();
    expect(noData.errors!.map((e) => [e.message, e.path])).toEqual([['internal error', ['found', 0]]]);
    const notAList = await send([refusal(0)], { data: { found: null } });
    expect(notAList.data).toEqual({ found: null });
  });

  test('an answer sent in parts (incremental) is not rewritten', async () => {
    const result = await send([refusal(0)], { data: { found: [{ id: 'a' }] } }, 'incremental');
    expect(result).toEqual({ data: { found: [{ id: 'a' }] } });
  });
});
