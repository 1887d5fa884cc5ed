import { readSubgraphList } from '@fupin/kit';
import { freePort, isProcessAlive } from '@fupin/postgres';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBuiltHub } from './support/built-hub.js';

// `npm start` as a user runs it: the built start script, its own embedded PostgreSQL and
// data folder, the demo county; then Ctrl-C, which must stop everything, PostgreSQL included.
const START = fileURLToPath(new URL('../dist/src/start.js', import.meta.url));
let dataDir: string;
let hub: ChildProcess;

afterAll(async () => {
  if (hub && hub.exitCode === null) hub.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('starts with demo data, answers, starts a crashed subgraph again, and stops cleanly on SIGINT', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fupin-start-'));
  await chmod(dataDir, 0o755); // the postgres user must reach the data folder below it
  const [port, pgPort] = [await freePort(), await freePort()];
  // Every subgraph on a free port of its own: its default could be another hub's.
  const ports: Record<string, number> = {};
  for (const s of readSubgraphList()) ports[s.name] = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env; // the embedded path, whatever the suite uses
  const started = await startBuiltHub(START, {
    env: { ...env, FUPIN_DATA_DIR: dataDir, PORT: String(port), ...Object.fromEntries(readSubgraphList().map((s) => [s.portVariable, String(ports[s.name])])), FUPIN_PG_PORT: String(pgPort), FUPIN_DEMO_HOUSEHOLDS: '50' },
    // Five subgraphs, the demo load and the roster copies catching up after it: about 45 s on a loaded 2-core machine.
    timeoutMs: 150_000,
  });
  hub = started.process;
  const output = started.output();
  expect(output).toContain('demo data: registry: 50 households');
  // The department's records are made over its roster replica, caught up first.
  expect(output).toMatch(/demo data: health-insurance: \d+ insurance_enrollment, \d+ medical_claim, \d+ family_doctor_contract for 144 members/);
  expect(output).toMatch(/demo data: education-aid: \d+ schooling, \d+ education_grant for 144 members/);
  expect(output).toMatch(/demo data: housing-repair: \d+ appraisal, \d+ renovation, \d+ relocation for 144 members/);
  expect(output).toMatch(/demo data: employment: \d+ employment, \d+ training, \d+ industry_support for 144 members/);

  // Said ready only once it is: every department's roster copy current after the demo load
  // (one second after a "ready" that came too soon, a coverage was every department's null).
  expect(output).toContain('Fupin Hub is ready');
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
  expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { status: 'ready', subgraphs: Object.fromEntries(readSubgraphList().map((s) => [s.name, 'ready'])) } });
  for (const s of readSubgraphList().filter((s) => s.name !== 'households')) {
    expect(await (await fetch(`http://127.0.0.1:${ports[s.name]}/health/ready`)).json()).toMatchObject({ status: 'ready', roster: { state: 'CURRENT' } });
  }
  const pg = Number((output.match(/PostgreSQL \(embedded\) on 127\.0\.0\.1:(\d+)/) ?? [])[1]);
  expect(pg).toBe(pgPort);
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  expect(isProcessAlive(postmaster)).toBe(true);

  // Each subgraph is a process of its own: one killed outright is started again, and said so.
  const pidOf = (name: string) => [...started.output().matchAll(new RegExp(`${name} subgraph at \\S+ \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  const [health] = pidOf('health-insurance');
  expect(isProcessAlive(health!)).toBe(true);
  process.kill(health!, 'SIGKILL');
  const until = Date.now() + 30_000;
  while (!/health-insurance is back \(restart 1, pid \d+\)/.test(started.output()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  expect(started.output()).toContain('health-insurance ended (signal SIGKILL); starting it again in 1.0 s (restart 1)');
  expect(started.output()).toMatch(/health-insurance is back \(restart 1, pid \d+\)/);
  const again = pidOf('health-insurance').at(-1)!;
  expect(again).not.toBe(health);
  // Back means serving; ready once its roster copy has shown it is current, which may take a moment more.
  const readyBy = Date.now() + 30_000;
  const readyNow = async () => (await fetch(`http://127.0.0.1:${ports['health-insurance']}/health/ready`)).status === 200 && (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
  while (!(await readyNow()) && Date.now() < readyBy) await new Promise((r) => setTimeout(r, 100));
  expect((await fetch(`http://127.0.0.1:${ports['health-insurance']}/health/ready`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
  const children = readSubgraphList().map((s) => pidOf(s.name).at(-1)!);
  expect(children.every(isProcessAlive)).toBe(true);

  hub.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => hub.once('exit', (c) => resolve(c)));
  expect(code).toBe(0);
  expect(isProcessAlive(postmaster)).toBe(false);
  // Stopped, not restarted: no subgraph process is left.
  expect(children.filter(isProcessAlive)).toEqual([]);
  expect(started.output().match(/starting it again/g)).toHaveLength(1);
  await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
}, 240_000);

test('the deadlines must nest: a statement deadline not below the gateway’s for a subgraph, or a request deadline not above every subgraph’s, stops the start (exit 78)', async () => {
  const { spawnSync } = await import('node:child_process');
  const dir = await mkdtemp(join(tmpdir(), 'fupin-deadlines-'));
  try {
    for (const wrong of [{ FUPIN_STATEMENT_TIMEOUT_MS: '10000' }, { EMPLOYMENT_TIMEOUT_MS: '5000' }]) {
      const res = spawnSync(process.execPath, [START], { env: { ...process.env, FUPIN_DATA_DIR: dir, ...wrong }, encoding: 'utf8', timeout: 60_000 });
      expect(res.status).toBe(78);
      expect(res.stderr).toMatch(/FUPIN_STATEMENT_TIMEOUT_MS: \d+ must be below the gateway's deadline for \S+ \(\d+ ms\)/);
    }
    // ...and the client's request outlasts every subgraph call.
    for (const wrong of [{ GATEWAY_REQUEST_TIMEOUT_MS: '10000' }, { HEALTH_INSURANCE_TIMEOUT_MS: '20000' }]) {
      const res = spawnSync(process.execPath, [START], { env: { ...process.env, FUPIN_DATA_DIR: dir, ...wrong }, encoding: 'utf8', timeout: 60_000 });
      expect(res.status).toBe(78);
      expect(res.stderr).toMatch(/GATEWAY_REQUEST_TIMEOUT_MS: \d+ must be above every subgraph's deadline \(the longest is \d+ ms\)/);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a port another process holds stops the start with one line naming it and the setting to change', async () => {
  const { spawnSync } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const dir = await mkdtemp(join(tmpdir(), 'fupin-port-'));
  await chmod(dir, 0o755);
  const holder = createServer();
  const held = await freePort();
  await new Promise<void>((resolve) => holder.listen(held, '127.0.0.1', resolve));
  try {
    const ports = Object.fromEntries(await Promise.all(readSubgraphList().map(async (s) => [s.portVariable, String(await freePort())])));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const res = spawnSync(process.execPath, [START], {
      env: { ...env, FUPIN_DATA_DIR: dir, PORT: String(await freePort()), FUPIN_PG_PORT: String(await freePort()), ...ports, HOUSEHOLDS_PORT: String(held), FUPIN_DEMO_HOUSEHOLDS: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`households: port ${held} on 127.0.0.1 is in use (another hub still running?); stop what holds it, or set HOUSEHOLDS_PORT to another port`);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack
  } finally {
    holder.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 150_000);
