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
