import type { SubgraphDefinition } from '../server/subgraph.js';
import { type RunningSubgraph, startSubgraph } from '../server/subgraph.js';
import { createTestDatabase } from './database.js';
import { SqlCounter } from './sql-counter.js';

export interface TestSubgraph extends RunningSubgraph {
  sql: SqlCounter;
}

/** A real subgraph on a free port over its own fresh database. */
export async function startTestSubgraph<L>(def: SubgraphDefinition<L>): Promise<TestSubgraph> {
  const db = await createTestDatabase(def.name.replaceAll('-', '_'));
  const sql = new SqlCounter();
  const running = await startSubgraph(def, { databaseUrl: db.url, port: 0, onQuery: sql.record });
  return {
    ...running,
    sql,
    stop: async () => {
      await running.stop();
      await db.drop();
    },
  };
}

export interface TestHub {
  gatewayUrl: string;
  subgraphs: Record<string, TestSubgraph>;
  stop(): Promise<void>;
}

export type GatewayStarter = (subgraphUrls: Record<string, string>) => Promise<{ graphqlUrl: string; stop(): Promise<void> }>;

/**
 * Subgraphs and a gateway on free ports, talking real HTTP, each subgraph over its own
 * database. The gateway is passed in: the kit cannot depend on it.
 */
export async function startTestHub(subgraphDefs: SubgraphDefinition<unknown>[], startGateway: GatewayStarter): Promise<TestHub> {
  const subgraphs: Record<string, TestSubgraph> = {};
  for (const def of subgraphDefs) subgraphs[def.name] = await startTestSubgraph(def);
  const gateway = await startGateway(Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl])));
  return {
    gatewayUrl: gateway.graphqlUrl,
    subgraphs,
    stop: async () => {
      await gateway.stop();
      for (const s of Object.values(subgraphs)) await s.stop();
    },
  };
}
