import { startGateway, DEFAULT_SUPERGRAPH_PATH, type RunningGateway } from '@fupin/gateway';
import { healthInsurance } from '@fupin/health-insurance';
import { households } from '@fupin/households';
import { type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@fupin/kit';
import { databaseUrl, ensureDatabase, type RunningPostgres, startPostgres } from '@fupin/postgres';
import { type HubKeys, hubKeys } from './keys.js';
import type { HubSettings } from './settings.js';

export interface RunningHub {
  keys: HubKeys;
  postgres: RunningPostgres;
  subgraphs: RunningSubgraph[];
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** Subgraph, its port setting, and its database (one per subgraph); the registry first, since departments subscribe to its roster. */
export const HUB_SUBGRAPHS: { def: SubgraphDefinition<unknown>; port: (s: HubSettings) => number }[] = [
  { def: households as SubgraphDefinition<unknown>, port: (s) => s.HOUSEHOLDS_PORT },
  { def: healthInsurance as SubgraphDefinition<unknown>, port: (s) => s.HEALTH_INSURANCE_PORT },
];

export const databaseName = (def: SubgraphDefinition<unknown>) => `fupin_${def.name.replaceAll('-', '_')}`;

/** PostgreSQL (embedded unless DATABASE_URL), each subgraph over its database, then the gateway. */
export async function startHub(settings: HubSettings, log: (line: string) => void = console.log, running?: RunningPostgres): Promise<RunningHub> {
  const postgres = running ?? (await startPostgres({ databaseUrl: settings.DATABASE_URL, dataDir: settings.postgresDir, port: settings.FUPIN_PG_PORT }));
  log(postgres.embedded ? `PostgreSQL (embedded) on 127.0.0.1:${settings.FUPIN_PG_PORT}, data in ${settings.postgresDir}` : 'PostgreSQL from DATABASE_URL');
  const keys = await hubKeys(settings);
  const subgraphs: RunningSubgraph[] = [];
  const stopAll = async () => {
    for (const s of subgraphs.reverse()) await s.stop().catch(() => {});
    await postgres.stop();
  };
  try {
    let rosterSource: string | undefined;
    for (const { def, port } of HUB_SUBGRAPHS) {
      const databaseUrl = await ensureDatabase(postgres.url, databaseName(def));
      if (def.roster && !rosterSource) throw new Error(`${def.name} keeps a roster: list the registry before it in HUB_SUBGRAPHS`);
      const roster = def.roster ? { sourceUrl: rosterSource!, waitMs: settings.ROSTER_WAIT_MS } : undefined;
      subgraphs.push(await startSubgraph(def, { databaseUrl, port: port(settings), host: settings.HOST, gatewaySecret: keys.gatewaySecret, piiKey: keys.piiKey, ...(roster ? { roster } : {}) }));
      if (def.publishesRoster) rosterSource = databaseUrl;
    }
    const gateway = await startGateway({
      port: settings.PORT,
      host: settings.HOST,
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.graphqlUrl])),
      jwksSource: keys.jwksSource,
      gatewaySecret: keys.gatewaySecret,
      mode: settings.FUPIN_MODE,
    });
    return {
      keys,
      postgres,
      subgraphs,
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
      ? { keys: await hubKeys(settings), postgres, stop: async () => {} }
      : await startHub({ ...settings, PORT: 0, HOUSEHOLDS_PORT: 0, HEALTH_INSURANCE_PORT: 0, FUPIN_DEMO_HOUSEHOLDS: 0 }, () => {}, postgres);
    return { keys: hub.keys, postgres, stop: hub.stop, databaseUrl: (def) => databaseUrl(postgres.url, databaseName(def)) };
  } catch (err) {
    console.error(`cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}

/** For command lines: a start-up that fails says why in one message and exits 1. */
export async function startHubOrExit(settings: HubSettings, log?: (line: string) => void): Promise<RunningHub> {
  try {
    return await startHub(settings, log);
  } catch (err) {
    console.error(`cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}
