import { readSubgraphList } from '@fupin/kit';
import { freePort, isProcessAlive } from '@fupin/postgres';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
    // Five subgraph processes and a demo load on a shared 2-core machine: a start, not a deadline.
    timeoutMs: 180_000,
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
  const pidOf = (name: string) => [...started.output().matchAll(new RegExp(`${name} subgraph at \\S+ \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  // ...and each department's own copy holds the whole demo county at that moment: its watch
  // alone would still have called an empty copy current for seconds after the load.
  for (const s of readSubgraphList().filter((s) => s.name !== 'households')) {
    const env = await environOf(pidOf(s.name)[0]!);
    expect([s.name, await asUserOf(env.DATABASE_URL!, 'select count(*)::int as n from roster')]).toEqual([s.name, [{ n: 144 }]]);
  }
  const pg = Number((output.match(/PostgreSQL \(embedded\) on 127\.0\.0\.1:(\d+)/) ?? [])[1]);
  expect(pg).toBe(pgPort);
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  expect(isProcessAlive(postmaster)).toBe(true);

  // Each subgraph is a process of its own: one killed outright is started again, and said so.
  await holdsOnlyItsOwn(pidOf);
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

/** A process's environment as it was started (what the hub gave it). */
async function environOf(pid: number): Promise<Record<string, string>> {
  const raw = await readFile(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(raw.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** `sql` as the user of `url` (on `database`, if given): its rows, or the refusal's SQLSTATE. */
async function asUserOf(url: string, sql: string, database?: string): Promise<unknown[] | string> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } catch (err) {
    return (err as { code?: string }).code ?? (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Least privilege under `npm start`: a department process holds the blind-index key and not
 * the personal-data key, and no database URL in its environment is a superuser's or the
 * registry owner's; its roster source reads the roster and nothing else of the registry.
 */
async function holdsOnlyItsOwn(pidOf: (name: string) => number[]) {
  const registry = await environOf(pidOf('households')[0]!);
  expect(registry.FUPIN_PII_KEY).toBeDefined();
  const registryOwner = new URL(registry.DATABASE_URL!);
  const registryDb = registryOwner.pathname.slice(1);
  for (const { name } of readSubgraphList().filter((s) => s.name !== 'households')) {
    const env = await environOf(pidOf(name)[0]!);
    expect(env.FUPIN_PII_KEY).toBeUndefined();
    expect(env.FUPIN_DATABASE_SECRET).toBeUndefined();
    expect(env.FUPIN_BLIND_INDEX_KEY).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(env.FUPIN_BLIND_INDEX_KEY).not.toBe(registry.FUPIN_PII_KEY);
    const urls = Object.entries(env).filter(([, v]) => /^postgres(ql)?:\/\//.test(v));
    expect(urls.map(([k]) => k).sort()).toEqual(['DATABASE_URL', 'ROSTER_SOURCE_URL']);
    for (const [, url] of urls) {
      expect(new URL(url).username).not.toBe(registryOwner.username);
      expect(await asUserOf(url, 'select rolsuper from pg_roles where rolname = current_user')).toEqual([{ rolsuper: false }]);
    }
    expect(await asUserOf(env.ROSTER_SOURCE_URL!, 'select count(*)::int as n from roster')).toEqual([{ n: 144 }]);
    for (const table of ['household', 'member', 'audit_log']) expect(await asUserOf(env.ROSTER_SOURCE_URL!, `select 1 from ${table} limit 1`)).toBe('42501');
    // Its own database's owner cannot even connect to the registry's.
    expect(await asUserOf(env.DATABASE_URL!, 'select 1', registryDb)).toBe('42501');
  }
}

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
