import { startGateway, DEFAULT_SUPERGRAPH_PATH, type RunningGateway } from '@fupin/gateway';
import { households } from '@fupin/households';
import { type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@fupin/kit';
import { ensureDatabase, type RunningPostgres, startPostgres } from '@fupin/postgres';
import { type HubKeys, hubKeys } from './keys.js';
import type { HubSettings } from './settings.js';

export interface RunningHub {
  keys: HubKeys;
  postgres: RunningPostgres;
  subgraphs: RunningSubgraph[];
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** Subgraph, its port setting, and its database (one per subgraph). */
export const HUB_SUBGRAPHS = [{ def: households as SubgraphDefinition<unknown>, port: (s: HubSettings) => s.HOUSEHOLDS_PORT }];

export const databaseName = (def: SubgraphDefinition<unknown>) => `fupin_${def.name.replaceAll('-', '_')}`;

/** PostgreSQL (embedded unless DATABASE_URL), each subgraph over its database, then the gateway. */
export async function startHub(settings: HubSettings, log: (line: string) => void = console.log): Promise<RunningHub> {
  const postgres = await startPostgres({ databaseUrl: settings.DATABASE_URL, dataDir: settings.postgresDir, port: settings.FUPIN_PG_PORT });
  log(postgres.embedded ? `PostgreSQL (embedded) on 127.0.0.1:${settings.FUPIN_PG_PORT}, data in ${settings.postgresDir}` : 'PostgreSQL from DATABASE_URL');
  const keys = await hubKeys(settings);
  const subgraphs: RunningSubgraph[] = [];
  const stopAll = async () => {
    for (const s of subgraphs.reverse()) await s.stop().catch(() => {});
    await postgres.stop();
  };
  try {
    for (const { def, port } of HUB_SUBGRAPHS) {
      const databaseUrl = await ensureDatabase(postgres.url, databaseName(def));
      subgraphs.push(await startSubgraph(def, { databaseUrl, port: port(settings), host: settings.HOST, gatewaySecret: keys.gatewaySecret, piiKey: keys.piiKey }));
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

/**
 * The hub as a command-line tool needs it (seed, audit verification): databases created and
 * migrated the same way as `npm start`, on free ports, with no demo data and no banner.
 */
export function startHubForTool(settings: HubSettings): Promise<RunningHub> {
  return startHubOrExit({ ...settings, PORT: 0, HOUSEHOLDS_PORT: 0, FUPIN_DEMO_HOUSEHOLDS: 0 }, () => {});
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
