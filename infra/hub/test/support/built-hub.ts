import { type ChildProcess, spawn } from 'node:child_process';

export interface BuiltHub {
  process: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/**
 * `npm start` as a user runs it: the built start script in a process of its own, waited for
 * until its banner; an early exit fails with what it printed.
 */
export async function startBuiltHub(script: string, options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<BuiltHub> {
  const hub = spawn(process.execPath, [script], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  hub.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  hub.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const until = Date.now() + (options.timeoutMs ?? 45_000);
  while (Date.now() < until && hub.exitCode === null && !output.includes('Ctrl-C stops everything')) await new Promise((r) => setTimeout(r, 100));
  if (hub.exitCode !== null) throw new Error(`npm start exited ${hub.exitCode}:\n${output}`);
  return { process: hub, output: () => output };
}
