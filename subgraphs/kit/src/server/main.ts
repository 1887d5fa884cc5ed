import { readFileSync } from 'node:fs';
import { loadSubgraph } from '../hub/subgraph-list.js';
import { runSubgraphMain } from './subgraph.js';

// `node main.js <name>` (how `npm start` runs each subgraph), or `npm start -w subgraphs/<name>`:
// the subgraph of the package npm runs this from. Alone, with its settings from the environment.
const name = process.argv[2] ?? (JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }).name.replace(/^@fupin\//, '');
const { def } = await loadSubgraph(name);
await runSubgraphMain(def);
