import { type FSWatcher, watch } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What `npm run dev` does when a source changes, with every effect passed in so a test can
 * drive it: which subgraph a changed file belongs to, then rebuild it, recompose the
 * supergraph, start that subgraph again (the others keep running) and reload the gateway.
 */
export interface DevLoopOptions {
  /** The repository root: sources are under `subgraphs/<name>/{src,migrations}` (the kit's under `subgraphs/kit/src`). */
  root: string;
  /** The listed subgraphs' names, in start order. */
  names: string[];
  /** Builds one package's `dist/` (a subgraph, or `kit`); throws when it does not build. */
  rebuild(name: string): Promise<void>;
  /** `npm run compose`: the supergraph (and permission snapshot) from the subgraphs as built; throws when they do not compose. */
  recompose(): Promise<void>;
  /** Stops that subgraph's process and starts it again over the new build. */
  restart(name: string): Promise<void>;
  /** The gateway again over the new supergraph. */
  reloadGateway(): Promise<void>;
  log(line: string): void;
  /** Changes closer together than this are one round (an editor writes a file in several steps). */
  debounceMs?: number;
}

export interface DevLoop {
  /** Resolves once every round started so far has finished (tests). */
  idle(): Promise<void>;
  close(): void;
}

/** The subgraph a changed path belongs to: `kit` for the shared kit (every subgraph uses it), undefined for anything else. */
export function ownerOf(root: string, path: string, names: readonly string[]): string | undefined {
  const parts = relative(root, path).split(sep);
  if (parts[0] !== 'subgraphs' || parts.length < 4) return undefined;
  const [, name, folder] = parts;
  if (name === 'kit') return folder === 'src' ? 'kit' : undefined;
  return names.includes(name!) && (folder === 'src' || folder === 'migrations') ? name : undefined;
}

export function startDevLoop(options: DevLoopOptions): DevLoop {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let rounds = Promise.resolve();
  const watchers: FSWatcher[] = [];

  const round = async (names: string[]) => {
    // A change to the kit is a change to every subgraph: the kit first, then each in start order.
    const kit = names.includes('kit');
    const affected = kit ? options.names : options.names.filter((n) => names.includes(n));
    try {
      for (const name of kit ? ['kit', ...affected] : affected) await options.rebuild(name);
      await options.recompose();
    } catch (err) {
      // What runs keeps running: the developer fixes the code and saves again.
      options.log(`dev: not restarted (${(err as Error).message.trim().split('\n')[0]}); the running version stays until the next change builds`);
      return;
    }
    for (const name of affected) {
      options.log(`dev: restarting ${name}`);
      await options.restart(name);
    }
    await options.reloadGateway();
    options.log(`dev: ${affected.join(', ')} restarted, supergraph recomposed, gateway reloaded`);
  };

  const onChange = (path: string) => {
    const owner = ownerOf(options.root, path, options.names);
    if (!owner) return;
    changed.add(owner);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const names = [...changed];
      changed.clear();
      // One round at a time: a change during a round is the next round.
      rounds = rounds.then(() => round(names)).catch((err: Error) => options.log(`dev: ${err.message}`));
    }, options.debounceMs ?? 200);
  };

  for (const name of [...options.names, 'kit']) {
    for (const folder of name === 'kit' ? ['src'] : ['src', 'migrations']) {
      const dir = join(options.root, 'subgraphs', name, folder);
      try {
        watchers.push(watch(dir, { recursive: true }, (_event, file) => file && onChange(join(dir, file.toString()))));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // a subgraph without migrations
      }
    }
  }
  return {
    idle: async () => {
      // A change still being debounced belongs to this idle too.
      while (timer && changed.size) await new Promise((r) => setTimeout(r, 20));
      await rounds;
    },
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
