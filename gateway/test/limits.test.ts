import { buildSchema, type GraphQLError, type GraphQLFormattedError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { DEFAULT_LIMITS, type Limits } from '../src/index.js';
import { DocumentScreen, fieldPairs, limitsPlugin, measure, RateLimiter, screenDocument } from '../src/limits.js';
import { maskGatewayError } from '../src/mask-errors.js';

// The gateway's own rules, checked where they are made: each limit lets N through and
// refuses N+1 with the code and limit it names (test/armor.test.ts drives them over HTTP).
const schema = buildSchema(`
  type Query { region(code: ID!): Region, regions: [Region!]!, household(id: ID!): Household }
  type Mutation { recordIncome(id: ID!): Household }
  type Region { code: ID!, name: String!, parent: Region, children: [Region!]!, households(first: Int, year: Int): HouseholdConnection! }
  type HouseholdConnection { totalCount: Int!, nodes: [Household!]! }
  type Household { id: ID!, members: [Member!]! }
  type Member { name: String! }
`);
const LIMITS: Limits = { ...DEFAULT_LIMITS, maxDepth: 4, maxAliases: 2, maxRootFields: 2, maxCost: 100, maxFirst: 20, defaultListSize: 5, introspectionForAll: false };

async function check(query: string, options: { variables?: Record<string, unknown>; role?: string; limits?: Limits } = {}): Promise<{ code: unknown; limit: unknown; message: string; status?: number } | null> {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const limits = options.limits ?? LIMITS;
  const hooks = (await limitsPlugin(limits).requestDidStart!({} as never)) as Record<'didResolveOperation', (ctx: unknown) => Promise<void>>;
  try {
    // The screen before Apollo, then the plugin once the operation is known.
    screenDocument(schema, document, limits);
    await hooks.didResolveOperation({ operation, document, schema, request: { variables: options.variables }, contextValue: { caller: { role: options.role ?? 'CASEWORKER' } } });
    return null;
  } catch (err) {
    const e = err as GraphQLError;
    return { code: e.extensions.code, limit: e.extensions.limit, message: e.message, status: (e.extensions.http as { status?: number } | undefined)?.status };
  }
}

test('the defaults are the documented ones', () => {
  expect(DEFAULT_LIMITS).toEqual({ maxDepth: 12, maxAliases: 30, maxRootFields: 10, maxTokens: 3000, maxCost: 25_000, maxFirst: 100, defaultListSize: 10, maxNodes: 2000, maxFieldPairs: 1000, ratePerMinute: 600, introspectionForAll: true });
});

test('depth: the operation is 1, each selection set below it one more', async () => {
  expect(await check('{ region(code: "1") { parent { parent { code } } } }')).toBeNull();
  expect(await check('{ region(code: "1") { parent { parent { parent { code } } } } }')).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', message: 'query depth 5 is over 4', status: 400 });
  // Through fragments too, named and inline, and a fragment cycle does not loop.
  expect(await check('{ region(code: "1") { ...P } } fragment P on Region { parent { ... on Region { parent { parent { code } } } } }')).toMatchObject({ limit: 'depth' });
  expect(await check('{ region(code: "1") { ...A } } fragment A on Region { code ...B } fragment B on Region { name ...A }')).toBeNull();
  expect(await check('{ region(code: "1") { ...Missing } }')).toBeNull();
});

test('aliases and root fields', async () => {
  expect(await check('{ a: region(code: "1") { b: code } }')).toBeNull();
  expect(await check('{ a: region(code: "1") { b: code c: name } }')).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', message: '3 aliases are over 2', status: 400 });
  expect(await check('{ region(code: "1") { code } household(id: "h") { id } }')).toBeNull();
  expect(await check('{ region(code: "1") { code } household(id: "h") { id } regions { code } }')).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'rootFields', message: '3 root fields are over 2', status: 400 });
  expect(await check('mutation { recordIncome(id: "h") { id } }')).toBeNull();
});

test('first: 0 to the page limit, literal or variable', async () => {
  expect(await check('{ region(code: "1") { households(first: 20) { totalCount } } }')).toBeNull();
  expect(await check('{ region(code: "1") { households(first: 0) { totalCount } } }')).toBeNull();
  expect(await check('{ region(code: "1") { households(first: 21) { totalCount } } }')).toEqual({ code: 'BAD_USER_INPUT', limit: 'first', message: 'first must be between 0 and 20', status: 400 });
  expect(await check('{ region(code: "1") { households(first: -1) { totalCount } } }')).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'first' });
  expect(await check('query($n: Int) { region(code: "1") { households(first: $n) { totalCount } } }', { variables: { n: 21 } })).toMatchObject({ limit: 'first' });
  expect(await check('query($n: Int) { region(code: "1") { households(first: $n) { totalCount } } }', { variables: { n: 20 } })).toBeNull();
  expect(await check('query($n: Int) { region(code: "1") { households(first: $n) { totalCount } } }', { variables: { n: 'many' } })).toBeNull();
});

const DEEP = { ...LIMITS, maxDepth: 12 };

test('a deep query is reported at the first depth over the limit (the walk stops there)', async () => {
  expect(await check('{ region(code: "1") { parent { parent { parent { parent { parent { code } } } } } } }')).toMatchObject({ message: 'query depth 5 is over 4' });
});

test('only `first` sizes a list, and only an Int or a variable holding one', async () => {
  expect(await check('{ region(code: "1") { households(year: 2020) { totalCount } } }')).toBeNull();
  // Not an Int: not read as a page size here (GraphQL validation refuses it).
  expect(await check('{ region(code: "1") { households(first: "21") { totalCount } } }')).toBeNull();
});

test('cost: 1 per field, times the list size below it (first, else the default list size; a connection sizes its nodes)', async () => {
  // region 1 + households (1 + 20 × (nodes 1 + members (1 + 5 × name 1))) = 1 + 1 + 20 × 7 = 142
  expect(await check('{ region(code: "1") { households(first: 20) { nodes { members { name } } } } }', { limits: { ...DEEP, maxCost: 142 } })).toBeNull();
  expect(await check('{ region(code: "1") { households(first: 20) { nodes { members { name } } } } }', { limits: { ...DEEP, maxCost: 141 } })).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', message: 'estimated cost 142 is over 141', status: 400 });
  // regions: 1 + 5 × (code 1) = 6; a field unknown to the schema costs 1.
  expect(await check('{ regions { code } }', { limits: { ...DEEP, maxCost: 6 } })).toBeNull();
  expect(await check('{ regions { code } }', { limits: { ...DEEP, maxCost: 5 } })).toMatchObject({ limit: 'cost' });
  expect(await check('{ region(code: "1") { children { households(first: 2) { totalCount } } } }', { limits: { ...DEEP, maxCost: 17 } })).toBeNull();
  expect(await check('{ region(code: "1") { children { households(first: 2) { totalCount } } } }', { limits: { ...DEEP, maxCost: 16 } })).toMatchObject({ limit: 'cost' });
  expect(await check('mutation { recordIncome(id: "h") { members { name } } }', { limits: { ...DEEP, maxCost: 7 } })).toBeNull();
  expect(await check('mutation { recordIncome(id: "h") { members { name } } }', { limits: { ...DEEP, maxCost: 6 } })).toMatchObject({ limit: 'cost' });
});

test('introspection: ADMIN only, unless allowed for all', async () => {
  expect(await check('{ __schema { queryType { name } } }')).toEqual({ code: 'FORBIDDEN', limit: undefined, message: 'introspection is for ADMIN only', status: 403 });
  expect(await check('{ __type(name: "Region") { name } }')).toMatchObject({ code: 'FORBIDDEN' });
  expect(await check('{ __schema { queryType { name } } }', { role: 'ADMIN' })).toBeNull();
  expect(await check('{ __schema { queryType { name } } }', { limits: { ...LIMITS, introspectionForAll: true } })).toBeNull();
  expect(await check('{ __typename }')).toBeNull();
});

test('the rate limit: N a minute per caller, then the seconds to wait; a new minute starts afresh', () => {
  // One clock for the limiter and the test: a millisecond between two Date.now() calls must not move the minute.
  const t0 = Date.now();
  const rate = new RateLimiter(2, t0);
  expect(rate.take('a', t0)).toBe(0);
  expect(rate.take('a', t0 + 1000)).toBe(0);
  expect(rate.take('a', t0 + 20_000)).toBe(40);
  expect(rate.take('b', t0 + 20_000)).toBe(0);
  expect(rate.take('a', t0 + 59_999)).toBe(1);
  expect(rate.take('a', t0 + 60_000)).toBe(0);
});

test('errors to clients: internal ones masked, known ones keep only safe extensions', () => {
  const internal: GraphQLFormattedError = { message: 'connect ECONNREFUSED 127.0.0.1:4001', path: ['household'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } };
  expect(maskGatewayError(internal)).toEqual({ message: 'internal error', path: ['household'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(maskGatewayError({ message: 'boom' })).toEqual({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const known: GraphQLFormattedError = { message: 'no', path: ['x'], extensions: { code: 'FORBIDDEN', field: 'f', serviceName: 'households', exception: { stacktrace: [] }, http: { status: 403 }, gaps: ['A'], limit: 'depth', retryable: true, waitedMs: 3 } };
  expect(maskGatewayError(known)).toEqual({ message: 'no', path: ['x'], extensions: { code: 'FORBIDDEN', field: 'f', serviceName: 'households', gaps: ['A'], limit: 'depth', retryable: true, waitedMs: 3 } });
});

// A fragment spreading the next one twice, `levels` deep: 2^levels fields once written out.
const bomb = (levels: number) => {
  let q = '{ region(code: "1") { ...F0 } }';
  for (let i = 0; i < levels; i++) q += ` fragment F${i} on Region { ...F${i + 1} ...F${i + 1} }`;
  return `${q} fragment F${levels} on Region { code }`;
};

// Sized exactly at 2^200 fields: a walk that wrote fragments out would never end (the test's
// own timeout catches it); how fast the screen is belongs in `npm run bench -- armor`.
test('a fragment is summed once and added where it is spread: a fragment bomb is sized exactly, at once', async () => {
  const [op] = measure(schema, parse(bomb(200)), {}, LIMITS);
  expect(op!.nodes).toBe(1 + 2 ** 200);
  expect(op!.cost).toBe(1 + 2 ** 200);
  expect(op!.depth).toBe(2);
  const refusal = await check(bomb(40), { limits: { ...DEEP, maxCost: 1e15 } });
  expect(refusal).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'nodes', message: `${1 + 2 ** 40} fields with fragments written out are over 2000`, status: 400 });
  expect(await check(bomb(3), { limits: { ...DEEP, maxNodes: 9 } })).toBeNull();
  expect(await check(bomb(3), { limits: { ...DEEP, maxNodes: 8 } })).toMatchObject({ limit: 'nodes' });
  // Aliases and root fields count every place a fragment is spread.
  expect(measure(schema, parse('{ ...R ...R } fragment R on Query { a: regions { code } }'), {}, LIMITS)[0]).toMatchObject({ aliases: 2, width: 2, nodes: 4 });
});

test('fields to merge: the pairs of same-named fields with selections at one place of the answer, spreads written out', async () => {
  const pairsOf = (q: string) => {
    const document = parse(q);
    return fieldPairs(document, document.definitions[0] as OperationDefinitionNode, 1e9);
  };
  expect(pairsOf('{ region(code: "1") { code name } }')).toBe(0);
  // 4 `parent` under region: 6 pairs; their `code`s are leaves, cheap to compare.
  expect(pairsOf('{ region(code: "1") { parent { code } parent { code } ...P ... on Region { parent { code } } } } fragment P on Region { parent { code } }')).toBe(6);
  // Below them, 2 × 2 `parent` merge into one place: 4 · 3 / 2 more.
  expect(pairsOf('{ region(code: "1") { parent { parent { code } parent { code } } parent { parent { code } parent { code } } } }')).toBe(1 + 6);
  // Aliases are the response names: `a: parent` and `parent` never merge; `a: parent` and `a: children` do.
  expect(pairsOf('{ region(code: "1") { a: parent { code } parent { code } a: children { code } code code } }')).toBe(1);
  const many = (n: number) => `{ region(code: "1") { ${Array(n).fill('parent { code }').join(' ')} } }`;
  expect(await check(many(32), { limits: { ...DEEP, maxFieldPairs: 496, maxNodes: 1e9, maxCost: 1e9 } })).toBeNull(); // 32 · 31 / 2
  expect(await check(many(32), { limits: { ...DEEP, maxFieldPairs: 495, maxNodes: 1e9, maxCost: 1e9 } })).toEqual({
    code: 'QUERY_LIMIT_EXCEEDED', limit: 'fieldPairs', message: 'more than 495 pairs of same-named fields to merge', status: 400,
  });
});

test('the screen parses a text once and keeps its verdict; what depends on variables and caller is checked per request', async () => {
  const screen = new DocumentScreen(() => schema, LIMITS, 2);
  const deep = '{ region(code: "1") { parent { parent { parent { code } } } } }';
  expect(() => screen.check(deep)).toThrow('query depth 5 is over 4');
  expect(() => screen.check(deep)).toThrow('query depth 5 is over 4');
  expect(() => screen.check('{ region(code: "1") { code } }')).not.toThrow();
  expect(() => screen.check('{ broken')).not.toThrow(); // Apollo refuses it as a syntax error
  expect(() => screen.check(deep)).toThrow('query depth 5 is over 4'); // kept two: screened again
  // The same text with other variables: the plugin decides per request.
  const paged = 'query($n: Int) { region(code: "1") { households(first: $n) { totalCount } } }';
  expect(await check(paged, { variables: { n: 20 } })).toBeNull();
  expect(await check(paged, { variables: { n: 21 } })).toMatchObject({ limit: 'first' });
});

test('every operation of the document is checked, not only the one to run', async () => {
  expect(await check('query A { region(code: "1") { code } } query B { region(code: "1") { parent { parent { parent { parent { code } } } } } }')).toMatchObject({ limit: 'depth' });
});
