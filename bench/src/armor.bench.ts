import { Supergraph } from '@apollo/federation-internals';
import { DEFAULT_LIMITS, DEFAULT_SUPERGRAPH_PATH, DocumentScreen } from '@fupin/gateway';
import { REPO_ROOT } from '@fupin/hub';
import { parse, print, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './table.js';

const C = '"420115000000"';
// A fragment spreading the next one twice, `levels` deep: 2^levels fields written out.
const bomb = (levels: number) => {
  let q = `{ region(code: ${C}) { ...F0 } }`;
  for (let i = 0; i < levels; i++) q += ` fragment F${i} on Region { ...F${i + 1} ...F${i + 1} }`;
  return `${q} fragment F${levels} on Region { code }`;
};
// Same-named fields graphql-js validation would compare pair by pair.
const toMerge = (n: number) => `{ region(code: ${C}) { ${'parent { code } '.repeat(n)}} }`;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/**
 * What the gateway spends looking at a document before any subgraph is asked: parse (token
 * limit) and the screen (depth, aliases, root fields, nodes with fragments written out, pairs
 * of fields to merge), each text new to the screen's verdict cache as an attacker's would be.
 * The contract's HouseholdView is the yardstick, with graphql-js validation of it beside.
 */
export async function armorBench(_pg: unknown, sizes: number[]): Promise<void> {
  const runs = sizes[0] ?? 200;
  const schema = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const contract = parse(readFileSync(join(REPO_ROOT, 'schema/contract/operations.graphql'), 'utf8'));
  const view = print(contract.definitions.find((d) => d.kind === 'OperationDefinition' && d.name?.value === 'HouseholdView')!);
  const screen = new DocumentScreen(() => schema, DEFAULT_LIMITS);
  const cases: [string, string][] = [
    ['HouseholdView (contract)', view],
    ['fragment bomb, 40 deep', bomb(40)],
    ['fragment bomb, 280 deep (3000 tokens)', bomb(280)],
    ['480 same-named fields to merge', toMerge(480)],
  ];
  const rows: string[][] = [];
  for (const [name, text] of cases) {
    const ms: number[] = [];
    let verdict = 'passed';
    for (let i = 0; i <= runs; i++) {
      // A comment makes every text new: no verdict is reused.
      const query = `# ${i}\n${text}`;
      const started = performance.now();
      try {
        screen.check(query);
        verdict = 'passed';
      } catch (err) {
        verdict = `refused (${String((err as { extensions?: { limit?: string } }).extensions?.limit)})`;
      }
      if (i > 0) ms.push(performance.now() - started);
    }
    rows.push([name, verdict, quantile(ms, 0.5).toFixed(3), quantile(ms, 0.99).toFixed(3), Math.max(...ms).toFixed(3)]);
  }
  const document = parse(view);
  const validation: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    validate(schema, document);
    if (i > 0) validation.push(performance.now() - started);
  }
  rows.push(['HouseholdView: graphql-js validate (for scale)', '-', quantile(validation, 0.5).toFixed(3), quantile(validation, 0.99).toFixed(3), Math.max(...validation).toFixed(3)]);
  printTable(`The gateway's screen before any subgraph, ${runs} runs each, ms per document`, null, ['document', 'verdict', 'p50 ms', 'p99 ms', 'max ms'], rows);
}
