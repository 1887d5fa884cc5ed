import { startGateway, DEFAULT_SUPERGRAPH_PATH, type RunningGateway, subgraphCallSettings } from '@fupin/gateway';
import { EnvError, type HubSubgraph, loadSubgraphs, parseEnv, z, type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@fupin/kit';
import { databaseUrl, ensureDatabase, type RunningPostgres, startPostgres } from '@fupin/postgres';
import { type HubKeys, hubKeys } from './keys.js';
import type { HubSettings } from './settings.js';

export interface RunningHub {
  keys: HubKeys;
  postgres: RunningPostgres;
  subgraphs: RunningSubgraph[];
  /** What `subgraphs/subgraphs.json` lists, loaded. */
  listed: HubSubgraph[];
  gateway: RunningGateway;
  stop(): Promise<void>;
}

export const databaseName = (def: SubgraphDefinition<unknown>) => `fupin_${def.name.replaceAll('-', '_')}`;

/** PostgreSQL (embedded unless DATABASE_URL), each subgraph over its database, then the gateway. */
export async function startHub(settings: HubSettings, log: (line: string) => void = console.log, running?: RunningPostgres): Promise<RunningHub> {
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
  const postgres = running ?? (await startPostgres({ databaseUrl: settings.DATABASE_URL, dataDir: settings.postgresDir, port: settings.FUPIN_PG_PORT, slotWalKeepMb: settings.FUPIN_SLOT_WAL_KEEP_MB }));
  log(postgres.embedded ? `PostgreSQL (embedded) on 127.0.0.1:${settings.FUPIN_PG_PORT}, data in ${settings.postgresDir}` : 'PostgreSQL from DATABASE_URL');
  const keys = await hubKeys(settings);
  const subgraphs: RunningSubgraph[] = [];
  const stopAll = async () => {
    for (const s of subgraphs.reverse()) await s.stop().catch(() => {});
    await postgres.stop();
  };
  try {
    let rosterSource: string | undefined;
    // Filled as they start: the registry asks the departments for coverage once all are up.
    const peers: Record<string, string> = {};
    for (const { def, portVariable } of listed) {
      const databaseUrl = await ensureDatabase(postgres.url, databaseName(def));
      if (def.roster && !rosterSource) throw new Error(`${def.name} keeps a roster: list the registry before it in subgraphs/subgraphs.json`);
      const roster = def.roster ? { sourceUrl: rosterSource!, waitMs: settings.ROSTER_WAIT_MS, maxLagMs: settings.FUPIN_ROSTER_MAX_LAG_MS } : undefined;
      subgraphs.push(await startSubgraph(def, { databaseUrl, port: settings.ports[portVariable]!, host: settings.HOST, gatewaySecret: keys.gatewaySecret, piiKey: keys.piiKey, peers, statementTimeoutMs: settings.FUPIN_STATEMENT_TIMEOUT_MS, ...(roster ? { roster } : {}) }));
      peers[def.name] = subgraphs.at(-1)!.graphqlUrl;
      if (def.publishesRoster) rosterSource = databaseUrl;
    }
    const gateway = await startGateway({
      port: settings.PORT,
      host: settings.HOST,
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      ...calls,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.graphqlUrl])),
      jwksSource: keys.jwksSource,
      gatewaySecret: keys.gatewaySecret,
      mode: settings.FUPIN_MODE,
    });
    return {
      keys,
      postgres,
      subgraphs,
      listed,
      gateway,
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
  console.error(`cannot start: ${(err as Error).message}`);
  process.exit(1);
}

/** For command lines: a start-up that fails says why in one message and exits 1. */
export async function startHubOrExit(settings: HubSettings, log?: (line: string) => void): Promise<RunningHub> {
  try {
    return await startHub(settings, log);
  } catch (err) {
    exitWith(err);
  }
}
