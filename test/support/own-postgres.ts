import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type PostgresOptions, type RunningPostgres, startPostgres } from '@fupin/postgres';

/** A PostgreSQL server of one test file's own, which it may stop, restart or set up differently. */
export interface OwnPostgres {
  url: string;
  /** Stops the server (an outage); `start` brings it back on the same folder and port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good, removes its folder and gives the suite its shared server back. */
  release(): Promise<void>;
}

/**
 * For a file that takes its server down or bends its settings, which must not touch the
 * suite's shared one: the test hub (`startHub`) started after this uses it.
 */
export async function ownPostgres(name: string, options: Pick<PostgresOptions, 'slotWalKeepMb'> = {}): Promise<OwnPostgres> {
  const dir = await mkdtemp(join(tmpdir(), `fupin-${name}-`));
  await chmod(dir, 0o755); // the postgres user must reach the data folder below it
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const shared = process.env.FUPIN_TEST_PG_URL;
  let server: RunningPostgres | null = await startPostgres({ dataDir, port, ...options });
  process.env.FUPIN_TEST_PG_URL = server.url;
  return {
    url: server.url,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    start: async () => {
      server = await startPostgres({ dataDir, port, ...options });
    },
    release: async () => {
      await server?.stop();
      process.env.FUPIN_TEST_PG_URL = shared;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
