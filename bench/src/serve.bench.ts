import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, userInfo } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { REPO_ROOT } from '@fupin/hub';
import { devSigningKey, readSubgraphList, signToken } from '@fupin/kit';
import { freePort } from '@fupin/postgres';
import pg from 'pg';
import { cpuOf } from './serve/cpu.js';
import { endFloor, floorHouseholdView, floorPools, floorVillagePage } from './serve/floor.js';
import type { LoadPlan, LoadResult } from './serve/load.js';
import { HOUSEHOLD_VIEW, VILLAGE_PAGE } from './serve/queries.js';
import { n, printTable } from './table.js';

const YEAR = 2020;
const LOAD = join(REPO_ROOT, 'bench/dist/src/serve/load.js');
const PEER = join(REPO_ROOT, 'bench/dist/src/serve/peer-gateway.js');
const START = join(REPO_ROOT, 'infra/hub/dist/src/start.js');
const SEED = join(REPO_ROOT, 'infra/hub/dist/src/seed.js');
const SUPERGRAPH = join(REPO_ROOT, 'schema/supergraph.graphql');
const DEMO_LIMIT = 20_000; // up to here the demo county; above, the seed (every department)
const LATENCY_S = Number(process.env.BENCH_LATENCY_S ?? 5);
const THROUGHPUT_S = Number(process.env.BENCH_THROUGHPUT_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

type Target = 'floor' | 'hub' | 'hive' | 'hive-rust' | 'apollo';
const ALL_TARGETS: Target[] = ['floor', 'hub', 'hive', 'hive-rust', 'apollo'];
// BENCH_TARGETS=hub,apollo for a shorter look; the floor and the hub are always measured.
const TARGETS = ALL_TARGETS.filter((t) => t === 'floor' || t === 'hub' || !process.env.BENCH_TARGETS || process.env.BENCH_TARGETS.split(',').includes(t));
const LABEL: Record<Target, string> = { floor: 'raw SQL floor', hub: 'Fupin Hub (npm start)', hive: 'Hive Gateway', 'hive-rust': 'Hive Gateway + Rust planner', apollo: '@apollo/gateway (default)' };
type Query = 'view' | 'village';
const TEXT: Record<Query, string> = { view: HOUSEHOLD_VIEW, village: VILLAGE_PAGE };

interface Running {
  process: ChildProcess;
  output: () => string;
}

function launch(args: string[], env: NodeJS.ProcessEnv, ready: (output: string) => boolean, timeoutMs = 600_000): Promise<Running> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  return new Promise((resolve, reject) => {
    const until = Date.now() + timeoutMs;
    const poll = setInterval(() => {
      if (ready(output)) {
        clearInterval(poll);
        resolve({ process: child, output: () => output });
      } else if (child.exitCode !== null || Date.now() > until) {
        clearInterval(poll);
        reject(new Error(`${args.join(' ')} did not start:\n${output.slice(-3000)}`));
      }
    }, 100);
  });
}

async function stopHub(hub: Running): Promise<void> {
  if (hub.process.exitCode !== null || hub.process.signalCode !== null) return;
  hub.process.kill('SIGINT');
  await new Promise((r) => hub.process.once('exit', r));
}

function runLoad(plan: LoadPlan): LoadResult {
  const res = spawnSync(process.execPath, [LOAD], { input: JSON.stringify(plan), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`load failed (${res.error?.message ?? res.status}): ${res.stderr}`);
  if (res.stderr.trim()) console.error(`  (load: ${res.stderr.trim().slice(0, 300)})`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as LoadResult;
}

async function rostersCurrent(ports: Record<string, number>, timeoutMs = 3_600_000): Promise<void> {
  const started = Date.now();
  let told = 0;
  for (;;) {
    const states = await Promise.all(
      Object.entries(ports).map(async ([name, port]) => {
        const ready = (await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json().catch(() => ({}))) as { roster?: { state: string } };
        return [name, ready.roster?.state ?? 'CURRENT'] as const;
      }),
    );
    const behind = states.filter(([, state]) => state !== 'CURRENT');
    if (!behind.length) return;
    if (Date.now() - started > timeoutMs) throw new Error(`roster copies not current after ${timeoutMs / 60_000} min: ${behind.map((b) => b.join(' ')).join(', ')}`);
    if (Date.now() - told > 30_000) {
      told = Date.now();
      console.log(`waiting for the departments' roster copies: ${behind.map((b) => b.join(' ')).join(', ')} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The hub's data folder for a size: the demo county up to DEMO_LIMIT households, else a seeded hub. */
function dataDirFor(households: number): string {
  const base = process.env.FUPIN_BENCH_DIR ?? (userInfo().uid === 0 ? '/var/lib/fupin-bench-serve' : join(REPO_ROOT, '.data/bench-serve'));
  return join(base, String(households));
}

/**
 * HouseholdView and a village page of 50 households, each read side by side: the raw-SQL
 * floor, the hub as `npm start` ships it, Hive Gateway (with and without its Rust query
 * planner) and a default @apollo/gateway over the same subgraphs, the same data and the same
 * security work. Loads come from a separate process. Prints a table, writes JSON.
 */
export async function serveBench(_pg: unknown, sizes: number[]): Promise<void> {
  const results: unknown[] = [];
  for (const households of sizes) results.push(await benchOneSize(households));
  await mkdir(join(REPO_ROOT, 'bench/results'), { recursive: true });
  const path = join(REPO_ROOT, 'bench/results/serve.json');
  await writeFile(path, JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, results }, null, 2));
  console.log(`\nwritten: ${path}`);
}

async function benchOneSize(households: number) {
  const dataDir = dataDirFor(households);
  const ports = { PORT: await freePort(), FUPIN_PG_PORT: await freePort(), ...Object.fromEntries(await Promise.all(readSubgraphList().map(async (s) => [s.portVariable, await freePort()]))) };
  const env: NodeJS.ProcessEnv = { ...process.env, FUPIN_DATA_DIR: dataDir, FUPIN_PG_STATEMENT_STATS: '1', ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  // BENCH_PROFILE=<folder>: every hub process writes a CPU profile there when it stops.
  if (process.env.BENCH_PROFILE) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}`.trim();
  delete env.DATABASE_URL;
  const pgUrl = (db: string) => `postgres://postgres:fupin-dev@127.0.0.1:${ports.FUPIN_PG_PORT}/${db}`;
  const databases = Object.fromEntries(readSubgraphList().map((s) => [s.name, pgUrl(`fupin_${s.name.replaceAll('-', '_')}`)]));

  // The data: the demo county on a fresh folder, or the seed for larger sizes (kept between runs).
  const registryCount = async () => {
    const c = new pg.Client({ connectionString: databases.households });
    await c.connect();
    try {
      return Number((await c.query('select count(*) as n from household')).rows[0].n);
    } finally {
      await c.end();
    }
  };
  // A folder kept from an earlier run is used as it is when its registry has the size.
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  let hub = await launch([START], { ...env, FUPIN_DEMO_HOUSEHOLDS: String(Math.min(households, DEMO_LIMIT)) }, (o) => o.includes('Ctrl-C stops everything'));
  let have = await registryCount();
  if (have !== households) {
    await stopHub(hub);
    if (households <= DEMO_LIMIT) {
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(dataDir, { recursive: true });
      await chmod(dataDir, 0o755);
    } else {
      console.log(`seeding ${n(households)} households with every department (registry has ${n(have)})…`);
      const seeded = spawnSync(process.execPath, [SEED, '--households', String(households), '--seed', '7', '--replace'], { stdio: 'inherit', env });
      if (seeded.status !== 0) throw new Error('seed failed');
    }
    hub = await launch([START], { ...env, FUPIN_DEMO_HOUSEHOLDS: String(Math.min(households, DEMO_LIMIT)) }, (o) => o.includes('Ctrl-C stops everything'));
    have = await registryCount();
  }
  // A department copying the roster again (after a seed whose WAL outgrew what a slot keeps)
  // answers ROSTER_BEHIND until it is done: measured only once every copy is current.
  await rostersCurrent(Object.fromEntries(readSubgraphList().map((s) => [s.name, ports[s.portVariable as keyof typeof ports]])));
  const peers: Partial<Record<Target, Running>> = {};
  const pools = floorPools((name) => databases[name]!, 2);
  try {
    const hubOut = hub.output();
    const subgraphPids = [...hubOut.matchAll(/subgraph at \S+ \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const key = (await devSigningKey(join(dataDir, 'keys'))).key;
    const secret = (await readFile(join(dataDir, 'keys', 'gateway-secret'), 'utf8')).trim();
    const jwks = join(dataDir, 'keys', 'jwks.json');

    // Inputs: households of one county, and its villages with a full page.
    const reg = pools.households;
    const sample = await reg.query(`select id, village_code from household order by md5(id::text) limit 200`);
    const county = `${(sample.rows[0].village_code as string).slice(0, 6)}000000`;
    const ids = sample.rows.filter((r) => (r.village_code as string).startsWith(county.slice(0, 6))).map((r) => r.id as string);
    const villages = (await reg.query(`select village_code from household where village_code like $1 group by village_code having count(*) >= 50 order by village_code limit 40`, [`${county.slice(0, 6)}%`])).rows.map((r) => r.village_code as string);
    const variables: Record<Query, Record<string, unknown>[]> = { view: ids.map((id) => ({ id, year: YEAR })), village: villages.map((code) => ({ code, year: YEAR })) };
    // Many callers: the hub allows each 600 requests a minute.
    const tokens = await Promise.all(Array.from({ length: 2000 }, (_, i) => signToken(key, { subject: `bench-${i}`, role: 'COUNTY_OFFICER', regionCode: county })));

    const subgraphUrls = Object.fromEntries(readSubgraphList().map((s) => [s.name, `http://127.0.0.1:${ports[s.portVariable as keyof typeof ports]}/graphql`]));
    const urls: Partial<Record<Target, string>> = { hub: `http://127.0.0.1:${ports.PORT}/graphql` };
    for (const kind of (['hive', 'hive-rust', 'apollo'] as const).filter((t) => TARGETS.includes(t))) {
      const port = await freePort();
      peers[kind] = await launch([PEER, kind, String(port)], { ...process.env, NODE_ENV: 'production', SUPERGRAPH_PATH: SUPERGRAPH, FUPIN_JWKS: jwks, FUPIN_GATEWAY_SECRET: secret, SUBGRAPH_URLS: JSON.stringify(subgraphUrls) }, (o) => o.includes(`gateway on ${port}`), 60_000);
      urls[kind] = `http://127.0.0.1:${port}/graphql`;
    }
    const processes = (t: Target): Record<string, { pids: number[]; withChildren?: boolean }> => ({
      gateway: { pids: t === 'hub' ? [hub.process.pid!] : t === 'floor' ? [] : [peers[t]!.process.pid!] },
      subgraphs: { pids: t === 'floor' ? [] : subgraphPids },
      postgres: { pids: [postmaster], withChildren: true },
    });

    // Every target answers what the floor reads, before anything is measured.
    const ask = async (url: string, query: Query, v: Record<string, unknown>, token: string) =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: TEXT[query], variables: v }) })).json()) as { data?: unknown; errors?: unknown[] };
    const equal: Record<string, boolean> = {};
    for (const t of TARGETS.filter((x) => x !== 'floor')) {
      for (const q of ['view', 'village'] as Query[]) {
        let same = true;
        for (const v of variables[q].slice(0, 10)) {
          const got = await ask(urls[t]!, q, v, tokens[0]!);
          const floor = q === 'view' ? await floorHouseholdView(pools, v.id as string, YEAR) : await floorVillagePage(pools, v.code as string, YEAR);
          if (got.errors || !isDeepStrictEqual(got.data, floor)) {
            same = false;
            console.error(`${LABEL[t]} ${q} differs from the floor for ${JSON.stringify(v)}:\n  ${JSON.stringify(got).slice(0, 600)}\n  ${JSON.stringify(floor).slice(0, 600)}`);
            break;
          }
        }
        equal[`${t}:${q}`] = same;
      }
    }

    // SQL statements per request, counted by PostgreSQL (pg_stat_statements), the serving roles only.
    const stats = new pg.Client({ connectionString: pgUrl('fupin_households') });
    await stats.connect();
    await stats.query('create extension if not exists pg_stat_statements');
    const statements: Record<string, number> = {};
    for (const t of TARGETS.filter((x) => x !== 'floor')) {
      for (const q of ['view', 'village'] as Query[]) {
        await stats.query('select pg_stat_statements_reset()');
        const k = 20;
        for (let i = 0; i < k; i++) await ask(urls[t]!, q, variables[q][i % variables[q].length]!, tokens[i]!);
        const { rows } = await stats.query(`select coalesce(sum(s.calls), 0) as calls from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname like '%\\_app'`);
        statements[`${t}:${q}`] = Number(rows[0].calls) / k;
      }
    }
    // The floor sends one statement to each database (floor.ts), whatever the read.
    statements['floor:view'] = statements['floor:village'] = Object.keys(databases).length;
    await stats.end();

    // Rounds alternate the targets, so drift on the machine is shared.
    const samples: Record<string, { latency: LoadResult[]; throughput: LoadResult[]; cpu: Record<string, number>[] }> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const q of ['view', 'village'] as Query[]) {
        for (const t of TARGETS) {
          const base = { query: q, queryText: TEXT[q], variables: variables[q], tokens, ...(t === 'floor' ? { databases } : { url: urls[t]! }) };
          const latency = runLoad({ ...base, mode: 'latency', seconds: LATENCY_S, connections: 1 });
          const before = await cpuOf(processes(t));
          const throughput = runLoad({ ...base, mode: 'throughput', seconds: THROUGHPUT_S, connections: 10 });
          const after = await cpuOf(processes(t));
          const cpu = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k]! - before[k]!) / Math.max(1, throughput.requests)]));
          const s = (samples[`${t}:${q}`] ??= { latency: [], throughput: [], cpu: [] });
          s.latency.push(latency);
          s.throughput.push(throughput);
          s.cpu.push(cpu);
          console.log(`round ${round} ${q} ${LABEL[t]}: p50 ${latency.p50!.toFixed(2)} ms, ${n(throughput.rps!)} req/s${latency.errors + throughput.errors ? `, ${latency.errors + throughput.errors} errors` : ''}`);
        }
      }
    }

    // Medians over rounds; ratios to the floor are the headline.
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const rows: string[][] = [];
    const json: Record<string, unknown> = {};
    for (const q of ['view', 'village'] as Query[]) {
      const floor = samples[`floor:${q}`]!;
      const floorP50 = med(floor.latency.map((l) => l.p50!));
      const floorRps = med(floor.throughput.map((l) => l.rps!));
      for (const t of TARGETS) {
        const s = samples[`${t}:${q}`]!;
        const p50 = med(s.latency.map((l) => l.p50!));
        const p95 = med(s.latency.map((l) => l.p95!));
        const p99 = med(s.latency.map((l) => l.p99!));
        const rps = med(s.throughput.map((l) => l.rps!));
        const cpu = Object.fromEntries(['gateway', 'subgraphs', 'postgres'].map((k) => [k, med(s.cpu.map((c) => c[k]!))]));
        const total = cpu.gateway! + cpu.subgraphs! + cpu.postgres!;
        const errors = s.latency.concat(s.throughput).reduce((e, l) => e + l.errors, 0);
        json[`${q}:${t}`] = { p50, p95, p99, rps, cpuMsPerRequest: { ...cpu, total }, statementsPerRequest: statements[`${t}:${q}`], equalToFloor: t === 'floor' ? true : equal[`${t}:${q}`], errors };
        rows.push([
          q === 'view' ? 'HouseholdView' : 'village page (50)',
          LABEL[t],
          `${p50.toFixed(2)} / ${p95.toFixed(2)} / ${p99.toFixed(2)}`,
          t === 'floor' ? '1×' : `${(p50 / floorP50).toFixed(1)}×`,
          n(rps),
          t === 'floor' ? '1×' : `${(floorRps / rps).toFixed(1)}× less`,
          `${cpu.gateway!.toFixed(2)} / ${cpu.subgraphs!.toFixed(2)} / ${cpu.postgres!.toFixed(2)} = ${total.toFixed(2)}`,
          (statements[`${t}:${q}`] ?? 0).toFixed(1),
          t === 'floor' ? '' : equal[`${t}:${q}`] ? 'yes' : 'NO',
          errors ? String(errors) : '',
        ]);
      }
    }
    printTable(
      `Serving ${n(have)} households (${ROUNDS} rounds, medians; c=1 for ${LATENCY_S} s, c=10 for ${THROUGHPUT_S} s; loads from a separate process)`,
      true,
      ['read', 'server', 'p50 / p95 / p99 ms (c=1)', 'p50 vs floor', 'req/s (c=10)', 'req/s vs floor', 'CPU ms/req: gateway / subgraphs / PG = total', 'SQL/req', 'same rows', 'errors'],
      rows,
    );
    // Ratios between the hub and its peers.
    for (const q of ['view', 'village'] as Query[]) {
      const rps = (t: Target) => (json[`${q}:${t}`] as { rps: number }).rps;
      const against = TARGETS.filter((t) => t !== 'floor' && t !== 'hub').map((t) => `${(rps('hub') / rps(t)).toFixed(2)}× ${LABEL[t]}`);
      if (against.length) console.log(`${q}: hub throughput ${against.join(', ')}`);
    }
    return { households: have, rounds: ROUNDS, latencySeconds: LATENCY_S, throughputSeconds: THROUGHPUT_S, results: json };
  } finally {
    await endFloor(pools);
    for (const p of Object.values(peers)) p.process.kill('SIGKILL');
    await stopHub(hub);
  }
}
