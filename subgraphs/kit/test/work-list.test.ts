import { Migration } from '@mikro-orm/migrations';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { buildSchema, execute, type ExecutionResult, type GraphQLResolveInfo, parse } from 'graphql';
import { AUDIT_MIGRATION, type Caller, selects, type SubgraphContext, type WorkListQuery, workListPage } from '../src/index.js';
import { migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

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
  ['in a second selection of the same field', '{ list { nodes } list { totalCount } }', true],
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

test('the path form: a field under a field, through fragments; the first step alone is not the path', async () => {
  const nested = buildSchema(`type Node { name: String members: [Node] } type Page { nodes: [Node] totalCount: Int } type Query { list: Page }`);
  const pathSeen = async (query: string) => {
    let answer: boolean[] = [];
    await execute({
      schema: nested,
      document: parse(query),
      rootValue: { list: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => ((answer = [selects(info, 'nodes', 'members'), selects(info, 'nodes')]), { nodes: [] }) },
    });
    return answer;
  };
  expect(await pathSeen('{ list { nodes { members { name } } } }')).toEqual([true, true]);
  expect(await pathSeen('{ list { nodes { name } } }')).toEqual([false, true]);
  expect(await pathSeen('{ list { totalCount } }')).toEqual([false, false]);
  expect(await pathSeen('{ list { ...P } } fragment P on Page { nodes { ...N } } fragment N on Node { members { name } }')).toEqual([true, true]);
  // A fragment spread at two steps of the path is looked into at each: not "seen" once for both.
  expect(await pathSeen('{ list { ...X nodes { ...X } } } fragment X on Node { members { name } }')).toEqual([true, true]);
  expect(await pathSeen('{ list { nodes { ... on Node { members { name } } } } }')).toEqual([true, true]);
  // The same fragment spread twice at one step holds the field the second time too.
  expect(await pathSeen('{ list { nodes { ...N } nodes { ...N } } } fragment N on Node { members { name } }')).toEqual([true, true]);
  // A fragment named but not defined holds nothing.
  expect(await pathSeen('{ list { nodes { name } ...Missing } }')).toEqual([false, true]);
});

// workListPage over real PostgreSQL: a region's rows, in the caller's jurisdiction, paged by key,
// counted only when asked; refusals audited.
class Migration20261205000000_plots extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table plot (id integer primary key, village_code text not null, name text not null)`);
    this.addSql(`insert into plot values (1, '420115101201', 'a'), (2, '420115101201', 'b'), (3, '420115101202', 'c'), (4, '420115102201', 'd'), (5, '420116101201', 'e')`);
  }
}

let db: (TestDatabase & { orm: MikroORM }) | undefined;
const statements: string[] = [];
beforeAll(async () => {
  db = await migratedTestDatabase('kit_work_list', {
    entities: [],
    migrations: [AUDIT_MIGRATION, { name: 'Migration20261205000000_plots', class: Migration20261205000000_plots }],
    onQuery: (sql) => statements.push(sql),
  });
});
afterAll(() => db?.drop());

const county: Caller = { subject: 'officer', role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'EMPLOYMENT' };
const admin: Caller = { subject: 'root', role: 'ADMIN', regionCode: '000000000000' };
const plots = (range: { lo: string; hi: string }) => ({ text: 'select id, village_code, name from plot where village_code >= ? and village_code < ?', params: [range.lo, range.hi] });
const pageSchema = buildSchema(`type Plot { id: Int village_code: String name: String } type PageInfo { hasNextPage: Boolean endCursor: String }
  type Page { totalCount: Int pageInfo: PageInfo nodes: [Plot] } type Query { plots(regionCode: String!, year: Int, first: Int, after: String): Page }`);

interface PlotPage {
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: number; village_code: string; name: string }[];
}

async function list(caller: Caller, args: string, fields = 'totalCount pageInfo { hasNextPage endCursor } nodes { id }', key: WorkListQuery['key'] = ['village_code', 'id']): Promise<ExecutionResult<{ plots: PlotPage | null }>> {
  const context = { em: db!.orm.em.fork() as EntityManager, caller, requestId: 'wl' } as unknown as SubgraphContext;
  return (await execute({
    schema: pageSchema,
    document: parse(`{ plots(${args}) { ${fields} } }`),
    contextValue: context,
    rootValue: {
      plots: (a: { regionCode: string; year?: number; first?: number; after?: string }, ctx: SubgraphContext, info: GraphQLResolveInfo) =>
        workListPage(ctx, info, { target: 'Query.plots', regionCode: a.regionCode, ...(a.year !== undefined ? { year: a.year } : {}), first: a.first ?? null, after: a.after ?? null, sql: plots, key }),
    },
  })) as ExecutionResult<{ plots: PlotPage | null }>;
}
const codeOf = (r: ExecutionResult) => (r.errors?.[0]?.extensions as { code?: string } | undefined)?.code;
const refusals = async () =>
  (await db!.orm.em.fork().getConnection().execute<{ action: string; subject_id: string | null; actor: string }[]>(`select action, subject_id, actor from audit_log where outcome = 'REFUSED' order by id`)).map((r) => `${r.actor} ${r.action} ${r.subject_id}`);

test('a region in the jurisdiction: its rows and none of a neighbour, in key order, paged with a cursor that carries on where the page ended', async () => {
  const first = await list(county, 'regionCode: "420115000000", first: 2');
  expect(first.errors).toBeUndefined();
  expect(first.data!.plots).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true, endCursor: expect.any(String) }, nodes: [{ id: 1 }, { id: 2 }] });
  const second = await list(county, `regionCode: "420115000000", first: 2, after: "${first.data!.plots!.pageInfo.endCursor}"`);
  expect(second.data!.plots).toEqual({ totalCount: 4, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ id: 3 }, { id: 4 }] });
  // Past the last row: an empty page, still counted (the count's row stands without a page row).
  const past = await list(county, `regionCode: "420115000000", first: 2, after: "${second.data!.plots!.pageInfo.endCursor}"`);
  expect(past.data!.plots).toEqual({ totalCount: 4, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
  // Exactly a page: no next page.
  expect((await list(county, 'regionCode: "420115101201", first: 2')).data!.plots!.pageInfo.hasNextPage).toBe(false);
  // A village, with the default page size.
  expect((await list(county, 'regionCode: "420115101201"')).data!.plots).toEqual({ totalCount: 2, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ id: 1 }, { id: 2 }] });
  // The whole country, for a caller whose jurisdiction it is.
  expect((await list(admin, 'regionCode: "000000000000", first: 10')).data!.plots!.nodes.map((n) => n.id)).toEqual([1, 2, 3, 4, 5]);
});

test('the cursor holds every key column: a list keyed by one column pages by it', async () => {
  const byName = await list(county, 'regionCode: "420115000000", first: 3', 'pageInfo { endCursor } nodes { name }', ['name']);
  const next = await list(county, `regionCode: "420115000000", first: 3, after: "${byName.data!.plots!.pageInfo.endCursor}"`, 'nodes { name }', ['name']);
  expect(next.data!.plots!.nodes).toEqual([{ name: 'd' }]);
  // A cursor of the two-column list is not one of this list.
  const twoKeys = await list(county, 'regionCode: "420115000000", first: 1');
  const wrong = await list(county, `regionCode: "420115000000", after: "${twoKeys.data!.plots!.pageInfo.endCursor}"`, 'nodes { name }', ['name']);
  expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
  expect(wrong.errors![0]!.message).toBe('after is not a cursor from this list');
  expect(wrong.errors![0]!.extensions!.field).toBe('after');
});

test('totalCount is counted only when asked: without it, one plain statement and no count', async () => {
  const before = statements.length;
  const page = await list(county, 'regionCode: "420115000000", first: 1', 'pageInfo { hasNextPage } nodes { id }');
  expect(page.data!.plots).toEqual({ pageInfo: { hasNextPage: true }, nodes: [{ id: 1 }] });
  const sent = statements.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toMatch(/count\(/);
  expect(sent[0]).toMatch(/^with list as \(select id, village_code, name from plot/);
});

test('a region outside the jurisdiction is refused and audited; a bad region code or year is bad input, and asks nothing', async () => {
  const outside = await list(county, 'regionCode: "420116000000"');
  expect(codeOf(outside)).toBe('FORBIDDEN');
  expect(outside.errors![0]!.message).toBe('region is outside your jurisdiction');
  expect(await refusals()).toEqual(['officer read Query.plots 420116000000']);
  // The whole country is a region only for whom it is the jurisdiction.
  expect(codeOf(await list(county, 'regionCode: "000000000000"'))).toBe('FORBIDDEN');
  const before = statements.length;
  const bad = await list(county, 'regionCode: "4201150"');
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0]!.message).toBe('regionCode is not a region code');
  expect(bad.errors![0]!.extensions!.field).toBe('regionCode');
  expect(codeOf(await list(county, 'regionCode: "420115000000", year: 2013'))).toBe('BAD_USER_INPUT');
  expect(codeOf(await list(county, 'regionCode: "420115000000", first: 101'))).toBe('BAD_USER_INPUT');
  expect(statements.length).toBe(before);
  // A year in range is a list of that year.
  expect((await list(county, 'regionCode: "420115000000", year: 2020, first: 1')).data!.plots!.totalCount).toBe(4);
});
