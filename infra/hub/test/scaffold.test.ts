import { readSubgraphList } from '@fupin/kit';
import { freePort } from '@fupin/postgres';
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { startBuiltHub } from './support/built-hub.js';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A department developer's first hour, in a temporary copy of the repository: the scaffold
// makes a department, the hub composes and starts with it, its field answers through the
// gateway with a token, and its generated tests pass with no edit.
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

test('npm run subgraph:new makes a department that composes, starts under npm start, answers through the gateway and passes its own tests', async () => {
  await copyRepository();
  const { DATABASE_URL: _ignored, ...env } = process.env; // the embedded path, whatever the suite uses
  const out = run('npm', ['run', '--silent', 'subgraph:new', '--', 'school-meals', '--department', 'EDUCATION_AID'], env);
  expect(out).toContain('created subgraphs/school-meals');

  // What the scaffold changed: its own folder and the one list, plus the regenerated supergraph and permission snapshot.
  const changed = run('git', ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).map((l) => l.slice(3));
  expect(changed.filter((f) => !f.startsWith('subgraphs/school-meals/')).sort()).toEqual(['schema/permissions.json', 'schema/supergraph.graphql', 'subgraphs/subgraphs.json']);
  expect(changed).toEqual(expect.arrayContaining(['subgraphs/school-meals/src/school-meals/school-meals.entity.ts', 'subgraphs/school-meals/test/school-meals.test.ts']));
  const listed = readSubgraphList(); // this checkout's list, without the new one
  const nextPort = Math.max(...listed.map((s) => s.defaultPort)) + 1;
  expect(await readFile(join(copy, 'subgraphs/subgraphs.json'), 'utf8')).toContain(`{ "name": "school-meals", "defaultPort": ${nextPort} }`);
  expect(await readFile(join(copy, 'schema/supergraph.graphql'), 'utf8')).toMatch(/schoolMeals\(year: Int!\): SchoolMeals @join__field\(graph: SCHOOL_MEALS\)/);

  // npm start in the copy: its ports from <NAME>_PORT, the new one included.
  const dataDir = join(copy, '.data');
  const [port, pgPort, meals] = await Promise.all([freePort(), freePort(), freePort()]);
  const ports = Object.fromEntries(await Promise.all(listed.map(async (s) => [s.portVariable, String(await freePort())])));
  const hubEnv = { ...env, ...ports, FUPIN_DATA_DIR: dataDir, PORT: String(port), FUPIN_PG_PORT: String(pgPort), SCHOOL_MEALS_PORT: String(meals), FUPIN_DEMO_HOUSEHOLDS: '30' };
  const started = await startBuiltHub(join(copy, 'infra/hub/dist/src/start.js'), { cwd: copy, env: hubEnv, timeoutMs: 60_000 });
  hub = started.process;
  const output = started.output();
  expect(output).toContain(`school-meals     http://127.0.0.1:${meals}/graphql`);
  expect(output).toMatch(/demo data: school-meals: \d+ school_meals for \d+ members/);

  const token = run(process.execPath, [join(copy, 'infra/hub/dist/src/token.js'), '--role', 'DEPARTMENT_OFFICER', '--region', '420115000000', '--department', 'EDUCATION_AID'], hubEnv).trim();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ region(code: "420115000000") { households(first: 30) { nodes { members { schoolMeals(year: 2020) { year amount } } } } } }' }),
  });
  const body = (await res.json()) as { data: { region: { households: { nodes: { members: { schoolMeals: { year: number; amount: number } | null }[] }[] } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const records = body.data.region.households.nodes.flatMap((h) => h.members).map((m) => m.schoolMeals).filter((r) => r !== null);
  expect(records.length).toBeGreaterThan(0);
  expect(records[0]).toEqual({ year: 2020, amount: expect.any(Number) });

  hub.kill('SIGINT');
  expect(await new Promise((r) => hub!.once('exit', r))).toBe(0);

  // Its generated code typechecks and lints as every package must, and its tests pass, as its developer runs them, with no edit.
  for (const task of ['typecheck', 'lint']) {
    const checked = spawnSync('npm', ['run', task, '-w', 'subgraphs/school-meals'], { cwd: copy, env, encoding: 'utf8' });
    expect({ task, status: checked.status, output: checked.status ? checked.stdout + checked.stderr : '' }).toEqual({ task, status: 0, output: '' });
  }
  const tests = spawnSync('npm', ['test', '-w', 'subgraphs/school-meals'], { cwd: copy, env, encoding: 'utf8' });
  expect(tests.stderr).toMatch(/Tests: +4 passed, 4 total/); // jest reports on stderr
  expect(tests.status).toBe(0);
}, 300_000);
