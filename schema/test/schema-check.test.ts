import { readFile } from 'node:fs/promises';
import { parse } from 'graphql';
import { checkSchema, type CheckedOperation } from '../src/check.js';
import { servedContractOperations } from '../src/contract.js';
import { composeChecked, SUPERGRAPH_PATH } from '../src/index.js';

// The check on SDL strings: the committed supergraph, and the same with one change planted.
let committed: string;
let operations: CheckedOperation[];
beforeAll(async () => {
  committed = await readFile(SUPERGRAPH_PATH, 'utf8');
  operations = (await servedContractOperations()).map((op) => ({ name: op.name, source: 'contract', document: op.document }));
});

/** The committed supergraph with `from` replaced by `to` inside the type or input whose head is `head`. */
function planted(head: string, from: string, to: string): string {
  const start = committed.indexOf(`${head}\n`);
  const end = committed.indexOf('\n}\n', start);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = committed.slice(start, end);
  expect(body).toContain(from);
  return committed.slice(0, start) + body.replace(from, to) + committed.slice(end);
}

test('the committed supergraph against itself: no change, every contract operation validates', async () => {
  const result = await checkSchema(committed, committed, operations);
  expect(result.ok).toBe(true);
  expect(result.changes).toEqual([]);
  expect(result.report).toContain('PASSED');
});

test('a removed field a contract operation selects fails, naming the operations hit', async () => {
  const result = await checkSchema(committed, planted('type Region', '  name: String!\n', ''), operations);
  expect(result.ok).toBe(false);
  const removed = result.changes.find((c) => c.path === 'Region.name')!;
  expect(removed.level).toBe('BREAKING');
  expect(removed.operations).toEqual(expect.arrayContaining(['Region (contract)']));
  expect(result.invalid.map((i) => i.operation)).toContain('Region (contract)');
  expect(result.report).toMatch(/FAILED[\s\S]*BREAKING .*Region\.name[\s\S]*used by: .*Region \(contract\)/);
  expect(result.report).toContain('Cannot query field "name" on type "Region"');
});

test('an input field made non-null fails, naming the operation that sends that input (it still validates)', async () => {
  const result = await checkSchema(committed, planted('input RegisterHouseholdInput', '  helper: String\n', '  helper: String!\n'), operations);
  expect(result.ok).toBe(false);
  expect(result.invalid).toEqual([]);
  const tightened = result.changes.find((c) => c.path === 'RegisterHouseholdInput.helper')!;
  expect(tightened.level).toBe('BREAKING');
  expect(tightened.operations).toEqual(['RegisterHousehold (contract)']);
});

test('an enum value removed fails, naming the operations that send or read the enum', async () => {
  const result = await checkSchema(committed, planted('enum PovertyStatus', '\n  MONITORED @join__enumValue(graph: HOUSEHOLDS)', ''), operations);
  expect(result.ok).toBe(false);
  const removed = result.changes.find((c) => c.path === 'PovertyStatus.MONITORED')!;
  expect(removed.level).toBe('BREAKING');
  expect(removed.operations).toEqual(expect.arrayContaining(['VillageHouseholds (contract)']));
});

test('a required argument added fails, naming the operations that call the field', async () => {
  const after = committed.replace('\n  region(code: ID!): Region', '\n  region(code: ID!, year: Int!): Region');
  expect(after).not.toBe(committed);
  const result = await checkSchema(committed, after, operations);
  expect(result.ok).toBe(false);
  const added = result.changes.find((c) => c.path === 'Query.region.year')!;
  expect(added.level).toBe('BREAKING');
  expect(added.operations).toEqual(expect.arrayContaining(['Region (contract)', 'VillageHouseholds (contract)']));
});

test('a breaking change no listed operation uses still fails: some client may use it', async () => {
  const result = await checkSchema(committed, planted('type Region', '\n\n  """Derived from the code"""\n  level: RegionLevel!', ''), [operations.find((o) => o.name === 'AuditLog')!]);
  expect(result.ok).toBe(false);
  expect(result.report).toContain('used by no listed operation');
});

test('an additive change passes with a summary', async () => {
  const result = await checkSchema(committed, planted('type Region', '  name: String!\n', '  name: String!\n  motto: String\n'), operations);
  expect(result.ok).toBe(true);
  expect(result.changes).toEqual([expect.objectContaining({ level: 'SAFE', path: 'Region.motto' })]);
  expect(result.report).toMatch(/PASSED — 0 breaking, 0 dangerous, 1 safe/);
});

test('an operation of a client release that no longer validates fails', async () => {
  const old: CheckedOperation = { name: 'Old', source: 'client 0.0.9', document: parse('query Old { region(code: "420115000000") { motto } }') };
  const result = await checkSchema(committed, committed, [old]);
  expect(result.ok).toBe(false);
  expect(result.report).toContain('Old (client 0.0.9): Cannot query field "motto"');
});

describe('composition refuses directives the gateway cannot execute', () => {
  const link = (imports: string[]) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;
  const compose = (sdl: string) => () => composeChecked([{ name: 'water-safety', url: 'http://127.0.0.1:4100/graphql', typeDefs: parse(sdl) }]);

  test('a plain subgraph composes', () => {
    expect(compose(`${link(['@key'])}\ntype Query { wells: Int }`)()).toContain('wells');
  });
  test('@policy', () => {
    expect(compose(`${link(['@key', '@policy'])}\ntype Query { wells: Int @policy(policies: [["read"]]) }`)).toThrow(
      /composition refused[\s\S]*water-safety: @policy on Query\.wells: @policy needs Apollo Router/,
    );
  });
  test('a progressive @override (with a label), while one without a label composes', () => {
    const other = `${link(['@key'])}\ntype Query { wells: Int }`;
    const mine = (args: string) => `${link(['@key', '@override'])}\ntype Query { wells: Int @override(${args}) }`;
    const two = (args: string) => () =>
      composeChecked([
        { name: 'households', url: 'http://127.0.0.1:4001/graphql', typeDefs: parse(other) },
        { name: 'water-safety', url: 'http://127.0.0.1:4100/graphql', typeDefs: parse(mine(args)) },
      ]);
    expect(two('from: "households", label: "percent(10)"')).toThrow(/water-safety: @override\(label:\) on Query\.wells: a progressive @override/);
    expect(two('from: "households"')()).toContain('wells');
  });
  test('@defer', () => {
    expect(compose(`${link(['@key'])}\ndirective @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT\ntype Query { wells: Int }`)).toThrow(
      /water-safety: defines @defer: @defer needs incremental delivery/,
    );
  });
});

test('npm run schema:check exits 1 with the report when the baseline clients use has a field the subgraphs no longer compose to', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const baseline = join(await mkdtemp(join(tmpdir(), 'schema-check-')), 'supergraph.graphql');
  await writeFile(baseline, planted('type Region', '  name: String!\n', '  name: String!\n  motto: String\n'));
  const script = new URL('../dist/src/schema-check.js', import.meta.url).pathname;
  const run = spawnSync(process.execPath, [script, '--against', baseline], { encoding: 'utf8' });
  expect(run.stdout).toContain("BREAKING  Field 'motto' was removed from object type 'Region' [Region.motto]");
  expect(run.status).toBe(1);
});
