import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caller, Department, Role } from '../auth/caller.js';
import { signCaller } from '../auth/caller-headers.js';
import { createSigningKey, signToken } from '../auth/jwt.js';
import { BlindIndex, PersonalDataCipher } from '../domain/personal-data.js';
import type { SubgraphDefinition } from '../server/subgraph.js';
import { type RosterSettings, type RunningSubgraph, startSubgraph } from '../server/subgraph.js';
import { GraphQLClient } from './client.js';
import { createTestDatabase } from './database.js';
import { SqlCounter } from './sql-counter.js';
import { wantFigures } from '../four-zeros/figures.js';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface TestSubgraph extends RunningSubgraph {
  sql: SqlCounter;
  /** The owner's URL of its database (migrations, and tests that play an intruder with full rights). */
  ownerUrl: string;
  /** A client that calls this subgraph directly, signed as the gateway would for `caller`. */
  as(caller: Caller): GraphQLClient;
  /** Its four-zeros figures built now for these years (as upkeep builds what requests wanted), and marks taken. */
  figures(...years: number[]): Promise<void>;
}

export const newGatewaySecret = () => randomBytes(32).toString('base64url');

/** A real subgraph on a free port over its own fresh database. */
export async function startTestSubgraph<L>(
  def: SubgraphDefinition<L>,
  gatewaySecret = newGatewaySecret(),
  /** The hub's personal-data key: the registry is given it, a department only its blind-index key. */
  piiKey = PersonalDataCipher.newKey(),
  roster?: RosterSettings,
  /** Its own settings (default: the process environment). */
  env?: NodeJS.ProcessEnv,
  /** The other subgraphs' URLs, for calls inside the hub (filled as they start). */
  peers?: Readonly<Record<string, string>>,
  /** PostgreSQL's deadline for its serving statements (default: the kit's). */
  statementTimeoutMs?: number,
): Promise<TestSubgraph> {
  const db = await createTestDatabase(def.name.replaceAll('-', '_'));
  const sql = new SqlCounter();
  const running = await startSubgraph(def, { databaseUrl: db.url, port: 0, onQuery: sql.record, gatewaySecret, ...(def.publishesRoster ? { piiKey } : { blindIndexKey: PersonalDataCipher.blindIndexKey(piiKey) }), ...(roster ? { roster } : {}), ...(env ? { env } : {}), ...(peers ? { peers } : {}), ...(statementTimeoutMs ? { statementTimeoutMs } : {}) }).catch(async (err) => {
    await db.drop();
    throw err;
  });
  // Its figures built before a test counts its statements.
  await running.warmed;
  return {
    ...running,
    sql,
    ownerUrl: db.url,
    as: (caller) => new GraphQLClient(running.graphqlUrl, {}, signedFor(caller, gatewaySecret, running.graphqlUrl, def.name)),
    figures: async (...years) => {
      if (def.fourZeros) await wantFigures(running.orm.em.fork() as EntityManager, years);
      await def.wantFigures?.(running.orm.em.fork() as EntityManager, years);
      // Twice: an upkeep already running may have listed its years before these were wanted.
      await running.upkeep();
      await running.upkeep();
    },
    stop: async () => {
      await running.stop();
      await db.drop();
    },
  };
}

export interface GatewaySettings {
  subgraphUrls: Record<string, string>;
  jwksPath: string;
  gatewaySecret: string;
}

export type GatewayStarter = (settings: GatewaySettings) => Promise<{ graphqlUrl: string; stop(): Promise<void> }>;

export interface TestHub {
  gatewayUrl: string;
  subgraphs: Record<string, TestSubgraph>;
  /** A gateway client carrying a signed token for this role and jurisdiction. */
  as(role: Role, regionCode?: string, department?: Department, subject?: string): Promise<GraphQLClient>;
  /** A gateway client with no token at all. */
  anonymous: GraphQLClient;
  token(caller: Caller, expiresIn?: string | number): Promise<string>;
  /** The hub's personal-data key, to check what is stored. */
  pii: PersonalDataCipher;
  /** What a department holds of it: the blind-index key (department imports match with it). */
  blindIndex: BlindIndex;
  /** The secret the gateway signs callers with: tests that play a forger need the real one. */
  gatewaySecret: string;
  /** What a second gateway needs to front the same subgraphs (tests of gateway settings). */
  gatewaySettings: GatewaySettings;
  /** The subgraphs' URLs for calls inside the hub (coverage): a test may point one elsewhere. */
  peers: Record<string, string>;
  /** Every subgraph's four-zeros figures built now for these years (requests never build them). */
  figures(...years: number[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Subgraphs and a gateway on free ports, talking real HTTP, each subgraph over its own
 * database, with a signing key and a gateway secret of their own. The gateway is passed in:
 * the kit cannot depend on it.
 */
export interface TestHubOptions {
  /** How long department writes wait for the roster replica (the default is the kit's). */
  rosterWaitMs?: number;
  /** How far behind a department's replica may fall, and how often it is checked (the defaults are the kit's). */
  replica?: Pick<RosterSettings, 'maxLagMs' | 'checkEveryMs' | 'startWaitMs'>;
  /** PostgreSQL's deadline for every subgraph's serving statements (the default is the kit's). */
  statementTimeoutMs?: number;
  /** The hub's personal-data key (default: a new one): a test hub that seeds the registry seals ID numbers with it. */
  piiKey?: string;
}

/**
 * Tests share two cores with other test files: replication that is seconds late there is load,
 * not a fault, so a replica counts as behind only after 30 s, and start waits for it to be current.
 */
const TEST_REPLICA = { maxLagMs: 30_000, startWaitMs: 30_000 };

export async function startTestHub(subgraphDefs: SubgraphDefinition<unknown>[], startGateway: GatewayStarter, options: TestHubOptions = {}): Promise<TestHub> {
  const gatewaySecret = newGatewaySecret();
  const piiKey = options.piiKey ?? PersonalDataCipher.newKey();
  const key = await createSigningKey('test');
  const dir = await mkdtemp(join(tmpdir(), 'fupin-keys-'));
  const jwksPath = join(dir, 'jwks.json');
  await writeFile(jwksPath, JSON.stringify(key.jwks));
  const subgraphs: Record<string, TestSubgraph> = {};
  // The registry first: departments subscribe to the roster it publishes.
  const ordered = [...subgraphDefs.filter((d) => d.publishesRoster), ...subgraphDefs.filter((d) => !d.publishesRoster)];
  let rosterSource: string | undefined;
  const peers: Record<string, string> = {};
  for (const def of ordered) {
    let roster: RosterSettings | undefined;
    if (def.roster) {
      if (!rosterSource) throw new Error(`${def.name} keeps a roster: start the registry with it`);
      roster = { sourceUrl: rosterSource, ...(options.rosterWaitMs !== undefined ? { waitMs: options.rosterWaitMs } : {}), ...TEST_REPLICA, ...options.replica };
    }
    const started = await startTestSubgraph(def, gatewaySecret, piiKey, roster, undefined, peers, options.statementTimeoutMs);
    subgraphs[def.name] = started;
    peers[def.name] = started.graphqlUrl;
    // Departments replicate as the registry's roster reader, as under the hub.
    if (def.publishesRoster) rosterSource = started.rosterReaderUrl;
  }
  const gateway = await startGateway({
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl])),
    jwksPath,
    gatewaySecret,
  });
  let n = 0;
  const token = (caller: Caller, expiresIn: string | number = '1h') => signToken(key, caller, expiresIn);
  return {
    gatewayUrl: gateway.graphqlUrl,
    subgraphs,
    anonymous: new GraphQLClient(gateway.graphqlUrl),
    token,
    pii: new PersonalDataCipher(piiKey),
    blindIndex: new BlindIndex(PersonalDataCipher.blindIndexKey(piiKey)),
    gatewaySecret,
    peers,
    figures: async (...years) => {
      for (const s of Object.values(subgraphs)) await s.figures(...years);
    },
    gatewaySettings: { subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl])), jwksPath, gatewaySecret },
    as: async (role, regionCode = '000000000000', department, subject = `${role.toLowerCase()}-${++n}`) =>
      new GraphQLClient(gateway.graphqlUrl, { authorization: `Bearer ${await token({ subject, role, regionCode, ...(department ? { department } : {}) })}` }),
    stop: async () => {
      await gateway.stop();
      // Departments before the registry: their subscriptions hold its replication slots.
      for (const s of Object.values(subgraphs).reverse()) await s.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs each request's body for `caller` to the subgraph `service` at `url`, as the gateway does (an hour's validity, for tests). */
export const signedFor = (caller: Caller, secret: string, url: string, service: string) => (body: string) =>
  signCaller(caller, secret, { method: 'POST', path: new URL(url).pathname, service, body }, 3600);
