import { DEPARTMENTS, readSubgraphList } from '@fupin/kit';
import { freePort } from '@fupin/postgres';
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { startBuiltHub } from './support/built-hub.js';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A department developer's first hour, in a temporary copy of the repository: the scaffold
// makes two departments new to the hub (codes no token knew: water safety per household,
// civil affairs per person), the hub composes and starts with them, their fields answer
// through the gateway with tokens of the new codes, and their generated tests pass with no
// edit outside their folders, the list and generated files.
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
let copy: string;
let hub: ChildProcess | undefined;

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(cmd, args, { cwd: copy, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** The repository's files as git sees them, and node_modules as `npm install` would lay it: the workspace links point into the copy. */
async function copyRepository(): Promise<void> {
  copy = await mkdtemp(join(tmpdir(), 'fupin-scaffold-'));
  await chmod(copy, 0o755); // the postgres user must reach the data folder below it
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await copyFile(join(REPO, file), join(copy, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err; // deleted in the work tree, not yet committed
    });
  }
  await mkdir(join(copy, 'node_modules', '@fupin'), { recursive: true });
  for (const entry of await readdir(join(REPO, 'node_modules'))) {
    if (entry !== '@fupin') await symlink(join(REPO, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  for (const pkg of await readdir(join(REPO, 'node_modules', '@fupin'))) {
    await symlink(await readlink(join(REPO, 'node_modules', '@fupin', pkg)), join(copy, 'node_modules', '@fupin', pkg));
  }
  // A workspace's own node_modules (what it pins apart from the root, e.g. web/'s React 19 beside the gateway's 18).
  for (const manifest of files.filter((f) => f.endsWith('/package.json') && !f.includes('node_modules/'))) {
    const own = join(dirname(manifest), 'node_modules');
    if (!existsSync(join(REPO, own)) || existsSync(join(copy, own))) continue;
    // A folder of links, as at the root: git ignores it (a link named node_modules it would commit).
    await mkdir(join(copy, own), { recursive: true });
    for (const entry of await readdir(join(REPO, own))) await symlink(join(REPO, own, entry), join(copy, own, entry));
  }
  const git = ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid'];
  run('git', ['init', '-q']);
  run('git', ['add', '-A']);
  run('git', [...git, 'commit', '-q', '-m', 'copy']);
}

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    hub.kill('SIGINT');
    await new Promise((r) => hub!.once('exit', r));
  }
  if (copy) await rm(copy, { recursive: true, force: true });
});

test('npm run subgraph:new makes departments with new codes (per household, per person) that compose, start under npm start, answer through the gateway and pass their own tests', async () => {
  await copyRepository();
  const { DATABASE_URL: _ignored, ...env } = process.env; // the embedded path, whatever the suite uses
  expect(DEPARTMENTS).not.toContain('WATER_SAFETY');
  expect(run('npm', ['run', '--silent', 'subgraph:new', '--', 'water-safety', '--department', 'WATER_SAFETY', '--per', 'household'], env)).toContain(
    'created subgraphs/water-safety',
  );
  expect(run('npm', ['run', '--silent', 'subgraph:new', '--', 'civil-affairs', '--department', 'CIVIL_AFFAIRS'], env)).toContain('(department CIVIL_AFFAIRS: new to the hub)');

  // What the scaffold changed: their own folders and the one list, plus the regenerated supergraph and permission snapshot.
  const changed = run('git', ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).map((l) => l.slice(3));
  expect(changed.filter((f) => !f.startsWith('subgraphs/water-safety/') && !f.startsWith('subgraphs/civil-affairs/')).sort()).toEqual(['schema/permissions.json', 'schema/supergraph.graphql', 'subgraphs/subgraphs.json']);
  expect(changed).toEqual(
    expect.arrayContaining(['subgraphs/water-safety/src/water-safety/water-safety.entity.ts', 'subgraphs/water-safety/src/household/household.resolver.ts', 'subgraphs/civil-affairs/src/member/member.resolver.ts', 'subgraphs/civil-affairs/test/civil-affairs.test.ts']),
  );
  const listed = readSubgraphList(); // this checkout's list, without the new ones
  const nextPort = Math.max(...listed.map((s) => s.defaultPort)) + 1;
  const list = await readFile(join(copy, 'subgraphs/subgraphs.json'), 'utf8');
  expect(list).toContain(`{ "name": "water-safety", "defaultPort": ${nextPort}, "department": "WATER_SAFETY" }`);
  expect(list).toContain(`{ "name": "civil-affairs", "defaultPort": ${nextPort + 1}, "department": "CIVIL_AFFAIRS" }`);
  const supergraph = await readFile(join(copy, 'schema/supergraph.graphql'), 'utf8');
  // Per household: the field is on the registry's Household, not on Member.
  expect(supergraph).toMatch(/^type Household[^{]*\{[^}]*waterSafety\(year: Int!\): WaterSafety @join__field\(graph: WATER_SAFETY\)/m);
  expect(supergraph).toMatch(/^type Member[^{]*\{[^}]*civilAffairs\(year: Int!\): CivilAffairs @join__field\(graph: CIVIL_AFFAIRS\)/m);
  // The new codes' officers are in the permission snapshot: the rules took them from the list.
  expect(JSON.parse(await readFile(join(copy, 'schema/permissions.json'), 'utf8'))['water-safety']).toEqual(expect.objectContaining({ 'Household.waterSafety': expect.arrayContaining(['DEPARTMENT_OFFICER:WATER_SAFETY']) }));

  // npm start in the copy: its ports from <NAME>_PORT, the new one included.
  const dataDir = join(copy, '.data');
  const [port, pgPort, water, civil] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const ports = Object.fromEntries(await Promise.all(listed.map(async (s) => [s.portVariable, String(await freePort())])));
  const hubEnv = { ...env, ...ports, FUPIN_DATA_DIR: dataDir, PORT: String(port), FUPIN_PG_PORT: String(pgPort), WATER_SAFETY_PORT: String(water), CIVIL_AFFAIRS_PORT: String(civil), FUPIN_DEMO_HOUSEHOLDS: '30' };
  const started = await startBuiltHub(join(copy, 'infra/hub/dist/src/start.js'), { cwd: copy, env: hubEnv, timeoutMs: 150_000 });
  hub = started.process;
  const output = started.output();
  expect(output).toContain(`water-safety     http://127.0.0.1:${water}/graphql`);
  expect(output).toMatch(/demo data: water-safety: \d+ water_safety for \d+ members/);

  // A token of a code the kit never named: `npm run token` knows it from the list.
  const token = run(process.execPath, [join(copy, 'infra/hub/dist/src/token.js'), '--role', 'DEPARTMENT_OFFICER', '--region', '420115000000', '--department', 'WATER_SAFETY'], hubEnv).trim();
  const ask = async (query: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data: any; errors?: { extensions?: { code?: string } }[] };
  };
  const body = await ask('{ region(code: "420115000000") { households(first: 30) { nodes { waterSafety(year: 2020) { year amount } } } } }');
  expect(body.errors).toBeUndefined();
  const records = (body.data.region.households.nodes as { waterSafety: unknown }[]).map((h) => h.waterSafety).filter((r) => r !== null);
  expect(records.length).toBeGreaterThan(0);
  expect(records[0]).toEqual({ year: 2020, amount: expect.any(Number) });
  // The same officer may not read the other new department's records.
  const other = await ask('{ region(code: "420115000000") { households(first: 1) { nodes { members { civilAffairs(year: 2020) { year } } } } } }');
  expect(other.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');

  hub.kill('SIGINT');
  expect(await new Promise((r) => hub!.once('exit', r))).toBe(0);

  // Their generated code typechecks and lints as every package must, and their tests pass, as their developers run them, with no edit.
  for (const name of ['water-safety', 'civil-affairs']) {
    for (const task of ['typecheck', 'lint']) {
      const checked = spawnSync('npm', ['run', task, '-w', `subgraphs/${name}`], { cwd: copy, env, encoding: 'utf8' });
      expect({ name, task, status: checked.status, output: checked.status ? checked.stdout + checked.stderr : '' }).toEqual({ name, task, status: 0, output: '' });
    }
    const tests = spawnSync('npm', ['test', '-w', `subgraphs/${name}`], { cwd: copy, env, encoding: 'utf8' });
    expect({ name, summary: /Tests: +.*/.exec(tests.stderr)?.[0] }).toEqual({ name, summary: expect.stringMatching(/Tests: +4 passed, 4 total/) }); // jest reports on stderr
    expect(tests.status).toBe(0);
  }
}, 600_000);
