import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SUBGRAPH_MAIN } from '@fupin/kit';
import { REPO_ROOT } from './settings.js';

export interface SupervisedOptions {
  name: string;
  /** Where it listens; its readiness is asked there. */
  url: string;
  /** Its whole environment (its database, port, keys, roster source, peers). */
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Pause before the first restart, doubled each time it crashes again soon after, up to `maxMs`. */
  backoff?: { firstMs: number; maxMs: number; stableMs: number };
}

export interface SupervisedSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  /** The running process's pid (undefined while it is being restarted). */
  pid(): number | undefined;
  /** Times it was started again after it ended on its own. */
  restarts(): number;
  /** Stops it and starts it again now (`npm run dev` after its code changed); resolves once it serves. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF = { firstMs: 1000, maxMs: 30_000, stableMs: 60_000 };
const START_TIMEOUT_MS = 10 * 60_000; // a first start may copy a large roster
const STOP_GRACE_MS = 15_000;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * One subgraph as a process of its own under `npm start`: started and waited for until it is
 * ready; when it ends without being asked to (a crash, an out-of-memory kill), it is started
 * again after a pause that doubles while it keeps failing (1 s, 2 s, 4 s … 30 s; back to 1 s once
 * it has run for a minute), and each restart is logged. Its output is passed on, prefixed with
 * its name. It runs in a process group of its own, so Ctrl-C reaches the hub alone, which stops
 * the subgraphs in order; an IPC channel ends it if the hub is killed outright.
 */
export async function superviseSubgraph(options: SupervisedOptions): Promise<SupervisedSubgraph> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const recent: string[] = [];
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let failuresInARow = 0;
  let pending: NodeJS.Timeout | undefined;

  const launch = (): ChildProcess => {
    const started = spawn(process.execPath, [SUBGRAPH_MAIN, options.name], { cwd: REPO_ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
    for (const stream of [started.stdout!, started.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (!line.trim()) return;
        recent.push(line);
        if (recent.length > 30) recent.shift();
        options.log(line.startsWith(options.name) ? line : `[${options.name}] ${line}`);
      });
    }
    return started;
  };

  /**
   * Resolves once it serves: ready, or its database answering while its roster copy catches up
   * (by itself, however long a large backlog takes: `npm start` waits for that on the gateway);
   * rejects if it ends first.
   */
  const ready = async (proc: ChildProcess, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    const ended = exited(proc).then(() => 'ended' as const);
    for (;;) {
      // Only its own answer counts: another process that took the port first (a race with a
      // free-port pick elsewhere) would otherwise pass for it while it fails to bind.
      const serving = await fetch(new URL('/health/ready', options.url), { signal: AbortSignal.timeout(2000) }).then(
        async (r) => {
          const body = (await r.json().catch(() => null)) as { pid?: unknown; roster?: unknown } | null;
          return body?.pid === proc.pid && (r.ok || (r.status === 503 && body?.roster !== undefined));
        },
        () => false,
      );
      if (serving) return;
      if ((await Promise.race([ended, new Promise((r) => setTimeout(r, 200, 'waiting'))])) === 'ended') {
        throw new Error(`${options.name} ended while starting (${describeExit(proc)}):\n${recent.slice(-15).join('\n')}`);
      }
      if (Date.now() > until) throw new Error(`${options.name} was not ready within ${timeoutMs / 1000} s:\n${recent.slice(-15).join('\n')}`);
    }
  };

  // A restart asked for is no crash: no backoff, no restart count.
  let replacing: ChildProcess | undefined;
  const watch = (proc: ChildProcess, startedAt: number) => {
    proc.once('exit', () => {
      if (stopping || proc === replacing) return;
      failuresInARow = Date.now() - startedAt >= backoff.stableMs ? 0 : failuresInARow;
      const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** failuresInARow);
      failuresInARow++;
      restarts++;
      const attempt = restarts;
      options.log(`${options.name} ended (${describeExit(proc)}); starting it again in ${(delay / 1000).toFixed(1)} s (restart ${attempt})`);
      child = undefined;
      pending = setTimeout(() => {
        if (stopping) return;
        const next = launch();
        child = next;
        watch(next, Date.now());
        ready(next, START_TIMEOUT_MS).then(
          () => options.log(`${options.name} is back (restart ${attempt}, pid ${next.pid})`),
          () => {}, // its exit is handled by `watch`
        );
      }, delay);
    });
  };

  child = launch();
  try {
    await ready(child, START_TIMEOUT_MS);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  watch(child, Date.now());

  return {
    name: options.name,
    url: options.url,
    graphqlUrl: new URL('/graphql', options.url).toString(),
    pid: () => child?.pid,
    restarts: () => restarts,
    restart: async () => {
      clearTimeout(pending);
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        replacing = running;
        running.kill('SIGTERM');
        const killed = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
        await exited(running);
        clearTimeout(killed);
      }
      if (stopping) return;
      const next = launch();
      child = next;
      watch(next, Date.now());
      await ready(next, START_TIMEOUT_MS);
    },
    stop: async () => {
      stopping = true;
      clearTimeout(pending);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      // It finishes the requests it has, closes its pools, then exits.
      running.kill('SIGTERM');
      const killed = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
      await exited(running);
      clearTimeout(killed);
    },
  };
}

function describeExit(proc: ChildProcess): string {
  return proc.signalCode ? `signal ${proc.signalCode}` : `exit code ${proc.exitCode}`;
}
