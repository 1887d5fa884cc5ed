import { readFileSync } from 'node:fs';
import { loadSubgraph } from '../hub/subgraph-list.js';
import { runSubgraphMain } from './subgraph.js';

// `npm start -w subgraphs/<name>`: the subgraph of the package npm runs this from, alone,
// with its settings from the environment.
const { name } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string };
const { def } = await loadSubgraph(name.replace(/^@fupin\//, ''));
await runSubgraphMain(def);
