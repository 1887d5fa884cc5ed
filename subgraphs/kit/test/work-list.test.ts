import { buildSchema, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { selects } from '../src/index.js';

// A work list counts only when the query asks for totalCount: however the field is selected.
const schema = buildSchema(`type Page { totalCount: Int nodes: [Int] } type Query { list: Page }`);

async function seen(query: string): Promise<boolean> {
  let answer: boolean | undefined;
  await execute({
    schema,
    document: parse(query),
    rootValue: { list: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => ((answer = selects(info, 'totalCount')), { totalCount: 0, nodes: [] }) },
  });
  return answer!;
}

test.each([
  ['directly', '{ list { totalCount nodes } }', true],
  ['not at all', '{ list { nodes } }', false],
  ['in an inline fragment', '{ list { nodes ... on Page { totalCount } } }', true],
  ['in a named fragment', '{ list { ...F } } fragment F on Page { nodes totalCount }', true],
  ['a named fragment without it', '{ list { ...F } } fragment F on Page { nodes }', false],
  ['aliased', '{ list { n: totalCount } }', true],
])('totalCount selected %s', async (_how, query, expected) => {
  expect(await seen(query)).toBe(expected);
});

test('each fragment is looked into once: a fragment bomb 60 deep is answered at once, either way', async () => {
  const bomb = (levels: number, last: string) => {
    let q = '{ list { ...F0 } }';
    for (let i = 0; i < levels; i++) q += ` fragment F${i} on Page { ...F${i + 1} ...F${i + 1} }`;
    return `${q} fragment F${levels} on Page { ${last} }`;
  };
  const started = performance.now();
  expect(await seen(bomb(60, 'nodes'))).toBe(false);
  expect(await seen(bomb(60, 'totalCount'))).toBe(true);
  expect(performance.now() - started).toBeLessThan(1000);
});
