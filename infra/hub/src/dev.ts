// `npm run dev`: the hub as `npm start` runs it, and on every saved change to a subgraph's
// sources (or the kit's) that subgraph is rebuilt and started again, the supergraph
// recomposed and the gateway reloaded; the other subgraphs keep running.
process.env.NODE_ENV ??= 'development';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
const { hub } = await import('./serve.js');
const { startDevLoop } = await import('./dev-loop.js');
const { REPO_ROOT } = await import('./settings.js');

const run = (cwd: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed:\n${output}`))));
  });

const loop = startDevLoop({
  root: REPO_ROOT,
  names: hub.listed.map((s) => s.name),
  rebuild: (name) => run(join(REPO_ROOT, 'subgraphs', name), [join(REPO_ROOT, 'tools', 'build.mjs')]),
  recompose: () => run(REPO_ROOT, [join(REPO_ROOT, 'schema', 'dist', 'src', 'compose.js')]),
  restart: async (name) => hub.subgraphs.find((s) => s.name === name)!.restart(),
  reloadGateway: () => hub.restartGateway(),
  log: (line) => console.log(line),
});
process.once('SIGINT', () => loop.close());
console.log('dev: watching subgraphs/*/src, subgraphs/*/migrations and subgraphs/kit/src');
