import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEPARTMENT_CODE, departmentCodes, readSubgraphList, SUBGRAPH_LIST_PATH } from '../hub/subgraph-list.js';
import { subgraphFiles } from './templates.js';

// npm run subgraph:new -- <name> --department <CODE> [--record <concept>] [--per member|household] [--port N] [--no-compose]
// Writes subgraphs/<name>, adds it to subgraphs/subgraphs.json with its department code (a
// code new to the hub is known to tokens and rules from there), links the workspace package
// (what `npm install` would do) and recomposes the supergraph.
const known = departmentCodes();
const USAGE = `usage: npm run subgraph:new -- <name> --department <CODE> [--record <concept>] [--per member|household] [--port N] [--no-compose]
  CODE: a department already in the hub (${known.join(', ')}) or a new one (WATER_SAFETY)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    department: { type: 'string' },
    record: { type: 'string' },
    per: { type: 'string', default: 'member' },
    port: { type: 'string' },
    'no-compose': { type: 'boolean', default: false },
  },
});
const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(64);
};
const [name] = positionals;
const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
if (!name || positionals.length !== 1 || !kebab.test(name)) fail('the name is one lower-case, dash-separated word group (education-aid)');
if (!values.department || !DEPARTMENT_CODE.test(values.department)) fail('--department is a code in upper case and underscores (WATER_SAFETY)');
if (values.per !== 'member' && values.per !== 'household') fail('--per is member (a record per person and year) or household (per household and year)');
const concept = values.record ?? name!;
if (!kebab.test(concept)) fail('--record is lower-case and dash-separated (schooling, school-grant)');

const root = dirname(dirname(SUBGRAPH_LIST_PATH));
const folder = join(root, 'subgraphs', name!);
const listed = readSubgraphList();
if (listed.some((s) => s.name === name) || existsSync(folder)) fail(`subgraphs/${name} exists already`);
const defaultPort = values.port ? Number(values.port) : Math.max(...listed.map((s) => s.defaultPort)) + 1;
if (!Number.isInteger(defaultPort) || defaultPort < 1024 || defaultPort > 65535 || listed.some((s) => s.defaultPort === defaultPort)) fail('--port is a free port number from 1024');

const kit = JSON.parse(readFileSync(join(root, 'subgraphs', 'kit', 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const files = subgraphFiles({
  name: name!,
  department: values.department!,
  per: values.per as 'member' | 'household',
  otherDepartment: known.find((d) => d !== values.department) ?? 'HEALTH_INSURANCE',
  concept,
  defaultPort,
  timestamp: new Date().toISOString().replace(/\D/g, '').slice(0, 14),
  versions: { ...kit.dependencies, '@fupin/kit': kit.version, '@fupin/gateway': kit.version },
});
for (const [path, text] of Object.entries(files)) {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), text);
}

// The one list: one entry per line, in start order.
const entries = [...listed, { name: name!, defaultPort, department: values.department! }];
const entry = (e: { name: string; defaultPort: number; department?: string }) => `  { "name": "${e.name}", "defaultPort": ${e.defaultPort}${e.department ? `, "department": "${e.department}"` : ''} }`;
await writeFile(SUBGRAPH_LIST_PATH, `[\n${entries.map(entry).join(',\n')}\n]\n`);

// The workspace link `npm install` makes (the `subgraphs/*` workspace already covers the folder).
const link = join(root, 'node_modules', '@fupin', name!);
if (!existsSync(link)) await symlink(join('..', '..', 'subgraphs', name!), link, 'dir');

const isNew = !known.includes(values.department!);
console.log(`created subgraphs/${name} (${Object.keys(files).length} files), listed in subgraphs/subgraphs.json on port ${defaultPort}${isNew ? ` (department ${values.department}: new to the hub)` : ''}`);
if (!values['no-compose']) {
  const composed = spawnSync('npm', ['run', '--silent', 'compose'], { cwd: root, stdio: 'inherit' });
  if (composed.status !== 0) process.exit(composed.status ?? 1);
}
console.log(`
next:
  npm test -w subgraphs/${name}      its generated tests, through the gateway
  npm start                         the hub with it (demo records included)
  then make it yours: src/${concept}/ holds the record to rename and extend (see subgraphs/${name}/README.md)`);
