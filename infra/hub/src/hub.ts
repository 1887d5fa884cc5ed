import { startGateway, DEFAULT_SUPERGRAPH_PATH, DEFAULT_WEB_DIR, type GatewayOptions, type RunningGateway, subgraphCallSettings, trustedDocumentsMode } from '@fupin/gateway';
import { type Caller, DEPARTMENTS, devSigningKey, readCaller, ROLES, signToken, envName, EnvError, portInUse, type HubSubgraph, loadSubgraphs, parseEnv, readSubgraphList, rosterReaderUrl, z, type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@fupin/kit';
import { databaseUrl, ensureDatabase, type RunningPostgres, startPostgres } from '@fupin/postgres';
import { join } from 'node:path';
import { subgraphOwnerUrl } from './database-owner.js';
import { type HubKeys, hubKeys, roleSecretOf } from './keys.js';
import { REPO_ROOT, type HubSettings } from './settings.js';
import { readFile } from 'node:fs/promises';
import { superviseSubgraph, type SupervisedSubgraph } from './supervisor.js';

export interface RunningHub<S = RunningSubgraph> {
  keys: HubKeys;
  postgres: RunningPostgres;
  subgraphs: S[];
  /** What `subgraphs/subgraphs.json` lists, loaded. */
  listed: HubSubgraph[];
  gateway: RunningGateway;
  /** Starts the gateway again over the supergraph as it is now on disk (`npm run dev` after a recomposition). */
  restartGateway(): Promise<void>;
  stop(): Promise<void>;
}

export const databaseName = (def: SubgraphDefinition<unknown>) => `fupin_${def.name.replaceAll('-', '_')}`;

/** Settings checked, PostgreSQL up, keys read: what both ways of running the hub start with. */
async function prepareHub(settings: HubSettings, log: (line: string) => void, running?: RunningPostgres) {
  const listed = await loadSubgraphs();
  // Every subgraph's own settings, before anything starts: one start lists every problem.
  parseEnv(z.object(Object.assign({}, ...listed.map((s) => s.def.settings?.shape ?? {}))));
  // The deadlines nest: a statement is cancelled before the gateway gives up on its subgraph.
  const calls = subgraphCallSettings();
  for (const { def } of listed) {
    const deadline = calls.subgraphTimeouts[def.name] ?? calls.subgraphTimeoutMs;
    if (settings.FUPIN_STATEMENT_TIMEOUT_MS >= deadline) {
      throw new EnvError(`invalid environment:\n  - FUPIN_STATEMENT_TIMEOUT_MS: ${settings.FUPIN_STATEMENT_TIMEOUT_MS} must be below the gateway's deadline for ${def.name} (${deadline} ms)`);
    }
  }
  const postgres = running ?? (await startPostgres({ databaseUrl: settings.DATABASE_URL, dataDir: settings.postgresDir, port: settings.FUPIN_PG_PORT, slotWalKeepMb: settings.FUPIN_SLOT_WAL_KEEP_MB, statementStats: settings.FUPIN_PG_STATEMENT_STATS === '1' }));
  log(postgres.embedded ? `PostgreSQL (embedded) on 127.0.0.1:${settings.FUPIN_PG_PORT}, data in ${settings.postgresDir}` : 'PostgreSQL from DATABASE_URL');
  return { listed, calls, postgres, keys: await hubKeys(settings) };
}

/**
 * GraphiQL's sign-in in development, when the hub signs its own tokens (no FUPIN_JWKS): a
 * newcomer picks a role, region and department and explores, with the served contract
 * operations as tabs.
 */
async function devGraphiql(settings: HubSettings): Promise<GatewayOptions['graphiql']> {
  if (settings.FUPIN_MODE !== 'development' || settings.FUPIN_JWKS) return undefined;
  const { key } = await devSigningKey(join(settings.dataDir, 'keys'));
  const operations = await readFile(join(REPO_ROOT, 'client', 'src', 'generated', 'operations.graphql'), 'utf8').catch(() => '');
  return {
    roles: ROLES,
    departments: DEPARTMENTS,
    tabs: operations.split(/\n(?=(?:query|mutation|subscription)\b)/).map((t) => t.trim()).filter((t) => /^(query|mutation|subscription)\b/.test(t)),
    signIn: async ({ role, region, department }) => {
      const caller = readCaller({ sub: `graphiql-${role.toLowerCase()}`, role, region, department });
      if (typeof caller === 'string') throw new Error(caller);
      return signToken(key, caller, '8h');
    },
  };
}

async function hubGateway(settings: HubSettings, keys: HubKeys, calls: ReturnType<typeof subgraphCallSettings>, subgraphs: { name: string; graphqlUrl: string }[]) {
  const graphiql = await devGraphiql(settings);
  // The page's development sign-in signs with the key `npm run token` uses; never in production,
  // never where an identity provider issues the tokens.
  const devKey = settings.FUPIN_MODE === 'development' && !settings.FUPIN_JWKS ? (await devSigningKey(join(settings.dataDir, 'keys'))).key : undefined;
  return startGateway({
    ...(graphiql ? { graphiql } : {}),
    webDir: settings.FUPIN_WEB_DIR ?? DEFAULT_WEB_DIR,
    ...(devKey ? { devTokens: (caller: Caller) => signToken(devKey, caller, '8h') } : {}),
    port: settings.PORT,
    host: settings.HOST,
    supergraphPath: DEFAULT_SUPERGRAPH_PATH,
    ...calls,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.graphqlUrl])),
    jwksSource: keys.jwksSource,
    gatewaySecret: keys.gatewaySecret,
    mode: settings.FUPIN_MODE,
    trustedDocuments: { mode: trustedDocumentsMode(settings.FUPIN_TRUSTED_DOCUMENTS, settings.FUPIN_MODE), ...(settings.FUPIN_TRUSTED_DOCUMENTS_DIR ? { dir: settings.FUPIN_TRUSTED_DOCUMENTS_DIR } : {}) },
  });
}

/** What starting one subgraph of the hub is given. */
interface SubgraphStart {
  def: SubgraphDefinition<unknown>;
  portVariable: string;
  /** Its database, as its own owner role (never the server's admin). */
  databaseUrl: string;
  /** Its own: the passwords of the roles it makes derive from it. */
  roleSecret: string;
  /** The registry's database as its roster reader, once started (departments replicate its roster). */
  rosterSource: string | undefined;
  keys: HubKeys;
}

/** PostgreSQL, then each listed subgraph in order (the registry first), then the gateway; on any failure, what started is stopped. */
async function runHub<S extends { name: string; graphqlUrl: string; stop(): Promise<void> }>(
  settings: HubSettings,
  log: (line: string) => void,
  running: RunningPostgres | undefined,
  startOne: (start: SubgraphStart) => Promise<S>,
): Promise<RunningHub<S>> {
  const { listed, calls, postgres, keys } = await prepareHub(settings, log, running);
  const subgraphs: S[] = [];
  const stopAll = async () => {
    for (const s of [...subgraphs].reverse()) await s.stop().catch(() => {});
    await postgres.stop();
  };
  try {
    let rosterSource: string | undefined;
    for (const { def, portVariable } of listed) {
      await ensureDatabase(postgres.url, databaseName(def));
      const roleSecret = roleSecretOf(keys, def.name);
      const databaseUrl = await subgraphOwnerUrl(postgres.url, databaseName(def), roleSecret, def.publishesRoster ? 'registry' : 'department');
      if (def.roster && !rosterSource) throw new Error(`${def.name} keeps a roster: list the registry before it in subgraphs/subgraphs.json`);
      subgraphs.push(await startOne({ def, portVariable, databaseUrl, roleSecret, rosterSource, keys }));
      // Computed as the registry made it (its roster reader), never its owner's URL.
      if (def.publishesRoster) rosterSource = rosterReaderUrl(databaseUrl, roleSecret);
    }
    let gateway = await hubGateway(settings, keys, calls, subgraphs);
    return {
      keys,
      postgres,
      subgraphs,
      listed,
      get gateway() {
        return gateway;
      },
      restartGateway: async () => {
        await gateway.stop();
        gateway = await hubGateway(settings, keys, calls, subgraphs);
      },
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Each subgraph in this process over its database (tools, benchmarks). */
export function startHub(settings: HubSettings, log: (line: string) => void = console.log, running?: RunningPostgres): Promise<RunningHub> {
  // Filled as they start: the registry asks the departments for coverage once all are up.
  const peers: Record<string, string> = {};
  return runHub(settings, log, running, async ({ def, portVariable, databaseUrl, roleSecret, rosterSource, keys }) => {
    const roster = def.roster ? { sourceUrl: rosterSource!, waitMs: settings.ROSTER_WAIT_MS, maxLagMs: settings.FUPIN_ROSTER_MAX_LAG_MS } : undefined;
    const started = await startSubgraph(def, { databaseUrl, port: settings.ports[portVariable]!, host: settings.HOST, gatewaySecret: keys.gatewaySecret, roleSecret, ...(def.publishesRoster ? { piiKey: keys.piiKey } : { blindIndexKey: keys.blindIndexKey }), peers, statementTimeoutMs: settings.FUPIN_STATEMENT_TIMEOUT_MS, idempotencyKeepHours: settings.FUPIN_IDEMPOTENCY_KEEP_HOURS, ...(roster ? { roster } : {}) });
    peers[def.name] = started.graphqlUrl;
    return started;
  });
}

export type RunningSupervisedHub = RunningHub<SupervisedSubgraph>;

/**
 * `npm start`: each subgraph a process of its own, started again with backoff when it
 * crashes, so one department's crash takes nothing else down.
 */
export function startSupervisedHub(settings: HubSettings, log: (line: string) => void = console.log): Promise<RunningSupervisedHub> {
  const host = settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST;
  const urlOf = (portVariable: string) => `http://${host}:${settings.ports[portVariable]}`;
  // Each finds the others where they will listen (the registry asks the departments for coverage).
  const peers = Object.fromEntries(readSubgraphList().map((s) => [`${envName(s.name)}_URL`, `${urlOf(s.portVariable)}/graphql`]));
  return runHub(settings, log, undefined, async ({ def, portVariable, databaseUrl, roleSecret, rosterSource, keys }) => {
    if (!settings.ports[portVariable]) throw new Error(`${portVariable} must be a port number for npm start`);
    const env: NodeJS.ProcessEnv = {
      ...inheritedEnv(),
      ...peers,
      DATABASE_URL: databaseUrl,
      PORT: String(settings.ports[portVariable]),
      HOST: settings.HOST,
      FUPIN_GATEWAY_SECRET: keys.gatewaySecret,
      FUPIN_ROLE_SECRET: roleSecret,
      // The registry decrypts ID numbers; a department only finds them by their blind index.
      ...(def.publishesRoster ? { FUPIN_PII_KEY: keys.piiKey } : { FUPIN_BLIND_INDEX_KEY: keys.blindIndexKey }),
      FUPIN_STATEMENT_TIMEOUT_MS: String(settings.FUPIN_STATEMENT_TIMEOUT_MS),
      FUPIN_IDEMPOTENCY_KEEP_HOURS: String(settings.FUPIN_IDEMPOTENCY_KEEP_HOURS),
      ...(def.roster ? { ROSTER_SOURCE_URL: rosterSource!, ROSTER_WAIT_MS: String(settings.ROSTER_WAIT_MS), FUPIN_ROSTER_MAX_LAG_MS: String(settings.FUPIN_ROSTER_MAX_LAG_MS) } : {}),
    };
    return superviseSubgraph({ name: def.name, url: urlOf(portVariable), env, log });
  });
}

/**
 * What a subgraph process inherits of the hub's own environment: not the hub's secrets and
 * URLs (the server's admin URL, the personal-data key, the database secret...), which would
 * reach every department; each process is given what is its own explicitly.
 */
const HUB_ONLY = /^(DATABASE_URL|ROSTER_SOURCE_URL|FUPIN_TEST_PG_URL|FUPIN_(PII|BLIND_INDEX)_KEY|FUPIN_(GATEWAY|DATABASE|ROLE)_SECRET|FUPIN_JWKS|PGPASSWORD|PGPASSFILE)$/;
export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !HUB_ONLY.test(name)));
}

/** What a command-line tool needs of the hub: its databases (migrated) and its keys. */
export interface ToolHub {
  keys: HubKeys;
  postgres: RunningPostgres;
  listed: HubSubgraph[];
  /** A database of the hub's, as its owner. */
  databaseUrl(def: SubgraphDefinition<unknown>): string;
  stop(): Promise<void>;
}

/**
 * The hub as a command-line tool needs it (seed, import, audit verification). Beside a
 * running hub, its databases are used as they are; otherwise they are created and migrated
 * the same way as `npm start`, on free ports, with no demo data and no banner.
 */
export async function startHubForTool(settings: HubSettings): Promise<ToolHub> {
  try {
    const postgres = await startPostgres({ databaseUrl: settings.DATABASE_URL, dataDir: settings.postgresDir, port: settings.FUPIN_PG_PORT, attach: true });
    const hub = postgres.attached
      ? { keys: await hubKeys(settings), postgres, listed: await loadSubgraphs(), stop: async () => {} }
      : await startHub({ ...settings, PORT: 0, ports: Object.fromEntries(Object.keys(settings.ports).map((k) => [k, 0])), FUPIN_DEMO_HOUSEHOLDS: 0 }, () => {}, postgres);
    return { keys: hub.keys, postgres, listed: hub.listed, stop: hub.stop, databaseUrl: (def) => databaseUrl(postgres.url, databaseName(def)) };
  } catch (err) {
    exitWith(err);
  }
}

/** A bad setting stops a command with the list of problems (EX_CONFIG); anything else says why in one line. */
function exitWith(err: unknown): never {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(78);
  }
  const { code, port, address } = err as { code?: string; port?: number; address?: string };
  console.error(code === 'EADDRINUSE' && port ? `cannot start: ${portInUse('the gateway', address ?? '127.0.0.1', port, 'PORT')}` : `cannot start: ${(err as Error).message}`);
  process.exit(1);
}

/** For command lines: a start-up that fails says why in one message and exits 1. */
export async function startHubOrExit(settings: HubSettings, log?: (line: string) => void): Promise<RunningSupervisedHub> {
  try {
    return await startSupervisedHub(settings, log);
  } catch (err) {
    exitWith(err);
  }
}
