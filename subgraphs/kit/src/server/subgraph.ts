import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Constructor, MigrationObject } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { requestIdFrom, type SubgraphContext } from '../context.js';
import { BlindIndex, PersonalDataCipher } from '../domain/personal-data.js';
import { AUDIT_MIGRATION } from '../audit/audit-log.migration.js';
import { appRoleUrl } from '../db/app-role.js';
import { connectDatabase, openDatabase, releaseDeadConnections } from '../db/orm.js';
import { blindIndexKey, gatewaySecret, idempotencyKeepHours, piiKey, parseEnv, parseEnvOrExit, port, postgresUrl, z } from '../env.js';
import type { FederatedSchema } from '../graphql/federation.js';
import { maskInternalError } from './mask-errors.js';
import type { DepartmentImport } from '../bulk/department-import.js';
import type { Department } from '../auth/caller.js';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { ROSTER_REPLICA_MIGRATIONS } from '../roster/roster.migration.js';
import { RosterMemberEntity } from '../roster/roster.entity.js';
import { Roster } from '../roster/roster.js';
import { subscribeToRoster } from '../roster/subscribe.js';
import { ensureRosterReader } from '../roster/roster-reader.js';
import { ReplicaWatch, replicaGuardPlugin } from '../roster/replication.js';
import { listedSubgraph } from '../hub/subgraph-list.js';
import { createHttpHandler, json, listen, onShutdown, type RunningHttp } from './http.js';
import { coverageRoute, type CoverageOf } from '../household-coverage/coverage-route.js';
import { COVERAGE_PATH } from '../household-coverage/coverage.js';
import { textGuardPlugin } from './text-guard.js';
import { answerSealer, DEFAULT_IDEMPOTENCY_KEEP_HOURS, IDEMPOTENCY_MIGRATIONS, idempotencyOf, idempotencyPlugin, purgeIdempotencyKeys } from '../idempotency/idempotency.js';
import { attachFigureSources, figureCountLoader, FOUR_ZEROS_FIGURES_MIGRATION, type FourZerosFigure } from '../four-zeros/figures.js';
import { Peers } from './peers.js';
import { referenceChecksPlugin } from '../graphql/checked-references.js';
import { partialAnswersPlugin } from '../graphql/partial-answers.js';
import { envName, readSubgraphList } from '../hub/subgraph-list.js';

/** Everything a subgraph declares; the kit does the rest the same way for all of them. */
export interface SubgraphDefinition<L = unknown> {
  /** Name in the supergraph and the default database name suffix. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Constructor<any>[];
  migrations: MigrationObject[];
  /** Built once per process. */
  schema(): Promise<FederatedSchema>;
  /** A request's loaders; `upkeepNow` starts upkeep in the background (a year of figures asked and not built). */
  loaders(em: EntityManager, upkeepNow: () => void): L;
  /** `Type.field`s holding personal data: listed with who may reach them in the permission snapshot. */
  personalData?: string[];
  /** Tables whose rows are never changed or removed once written (beside the audit log). */
  appendOnly?: string[];
  /** The registry: publishes the roster the departments replicate. */
  publishesRoster?: boolean;
  /**
   * A department: keeps a read-only replica of the registry's roster (who the members are,
   * where they live) and gets `ctx.roster` to read it and to check members on writes.
   */
  roster?: boolean;
  /** The department whose system this is (its officers write here). */
  department?: Department;
  /** Annual lists the department imports (`npm run import -- <subgraph> <name> file.csv`); loaded only by the tools. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  imports?: () => Promise<Record<string, DepartmentImport<any>>>;
  /** Settings of its own beside the kit's, parsed when it starts: a bad value stops it with every problem listed. */
  settings?: SettingsSchema;
  /**
   * Demo data over what the registry holds (a department reads the roster); replaces this
   * subgraph's own records. Returns a summary line.
   */
  demo?(options: DemoOptions): Promise<string | null>;
  /** A department's part of households' coverage for a year, which the registry asks for (`COVERAGE_SOURCES`). */
  coverage?: CoverageOf;
  /** A department's four-zeros count, kept per household and year (`four_zeros_figure`). */
  fourZeros?: FourZerosFigure;
  /**
   * Runs in the background once it serves, then every ten minutes: work the first read would
   * otherwise wait for (figures to build), and marks taken before they pile up.
   */
  upkeep?(em: EntityManager, settings: Record<string, unknown>): Promise<void>;
  /** Years of figures of its own (not `fourZeros`) that upkeep should build next (tests ask for them as requests do). */
  wantFigures?(em: EntityManager, years: readonly number[]): Promise<void>;
  /** Runs after migrations, before serving (data changes a migration cannot make without keys). */
  prepare?(em: EntityManager, pii: PersonalDataCipher): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SettingsSchema = z.ZodObject<any>;

/** A subgraph's own settings from the environment, checked at start (throws EnvError listing every problem). */
export function subgraphSettings(def: Pick<SubgraphDefinition, 'settings'>, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  return def.settings ? parseEnv(def.settings, env) : {};
}

export interface DemoOptions {
  /** The subgraph's database, as its owner. */
  databaseUrl: string;
  seed: number;
  /** The hub's personal-data key (the registry seals ID numbers as the subgraph does). */
  piiKey: string;
  /** The registry: households of the demo county. */
  households: number;
  /** The registry: empty it first (else a registry that has households is refused). */
  replace?: boolean;
  progress?: boolean;
  /** Where a department reads the roster from: the registry's, so a bulk load need not wait for the replica. */
  rosterUrl?: string;
  /** Only into a database never used yet (no records, no audit rows); else null and nothing done. */
  onlyIfUnused?: boolean;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  onQuery?: (sql: string) => void;
  /** Shared with the gateway, which signs every caller with it. */
  gatewaySecret: string;
  /**
   * Derives the passwords of the database roles this subgraph makes (its serving role; the
   * registry's roster reader). Default: the gateway secret, which every subgraph holds; the
   * hub gives each subgraph a secret of its own, so a department cannot derive the registry's.
   */
  roleSecret?: string;
  /** The registry's: base64 key (32 bytes) for personal data at rest; a department is never given it. */
  piiKey?: string;
  /** A department's: the blind-index key (`PersonalDataCipher.blindIndexKey`), to find members by ID number. */
  blindIndexKey?: string;
  /** For a subgraph that keeps a roster: where the registry's roster is published. */
  roster?: RosterSettings;
  /** Where its own settings are read from (default: the process environment). */
  env?: NodeJS.ProcessEnv;
  /** The other subgraphs' GraphQL URLs by name, for calls inside the hub; read when a call is made, so the hub may fill it as it starts them. */
  peers?: Readonly<Record<string, string>>;
  /**
   * PostgreSQL cancels a statement of the serving role that runs longer (default 8000): below
   * the gateway's deadline for the subgraph, so a slow query ends before the client is answered.
   */
  statementTimeoutMs?: number;
  /** How long an idempotency key and its (sealed) answer are kept before upkeep purges them; default 24. */
  idempotencyKeepHours?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 8000;

export interface RosterSettings {
  /** The registry database as its roster reader (`rosterReaderUrl`: REPLICATION and SELECT on roster only). */
  sourceUrl: string;
  /** How long a write waits for a registration the replica has not received; default 3000. */
  waitMs?: number;
  /** Behind the registry by more than this, the department answers ROSTER_BEHIND; default 5000. */
  maxLagMs?: number;
  /** How often the replica is compared with the registry; default 1000. */
  checkEveryMs?: number;
  /** How long start waits for the replica to show it is current before serving (behind: ROSTER_BEHIND); default 3000. */
  startWaitMs?: number;
}

/** One subscription per department database; slot names are per server. */
export const rosterSubscriptionName = (databaseUrl: string) =>
  `roster_${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}`.slice(0, 63);

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  orm: MikroORM;
  http: RunningHttp;
  /** The registry: the URL departments replicate the roster from (its roster reader role). */
  rosterReaderUrl?: string;
  /** Settles when its warm-up is done (or failed, which is logged: a read then does the work). */
  warmed: Promise<void>;
  /** Runs its upkeep now (as every ten minutes): idempotency keys past their time purged, then the subgraph's own. */
  upkeep(): Promise<void>;
  stop(): Promise<void>;
}

const UPKEEP_EVERY_MS = 10 * 60_000;
const REPLICA_START_WAIT_MS = 3000;

export async function startSubgraph<L>(def: SubgraphDefinition<L>, options: StartOptions): Promise<RunningSubgraph> {
  if (def.roster && !options.roster) throw new Error(`${def.name} keeps a roster: it needs the registry's database (roster.sourceUrl)`);
  const settings = subgraphSettings(def, options.env);
  const entities = def.roster ? [RosterMemberEntity, ...def.entities] : def.entities;
  const owner = (await openDatabase({
    databaseUrl: options.databaseUrl,
    entities,
    // Every subgraph keeps its own audit log, created by the kit's migration.
    migrations: [AUDIT_MIGRATION, ...IDEMPOTENCY_MIGRATIONS, ...(def.roster ? ROSTER_REPLICA_MIGRATIONS : []), ...def.migrations, ...(def.fourZeros ? [FOUR_ZEROS_FIGURES_MIGRATION] : [])],
  })) as MikroORM;
  const { pii, blindIndex } = personalDataKeys(def, options);
  let servingUrl: string;
  let rosterReader: string | undefined;
  const roleSecret = options.roleSecret ?? options.gatewaySecret;
  try {
    if (def.publishesRoster) rosterReader = await ensureRosterReader(owner, options.databaseUrl, roleSecret);
    if (options.roster) await subscribeToRoster(options.databaseUrl, options.roster.sourceUrl, rosterSubscriptionName(options.databaseUrl));
    if (def.fourZeros) await attachFigureSources(owner.em.fork() as EntityManager, def.fourZeros);
    if (def.prepare) {
      if (!pii) throw new Error(`${def.name} prepares data with the personal-data key, which only the registry holds`);
      await def.prepare(owner.em.fork() as EntityManager, pii);
    }
    servingUrl = await appRoleUrl(owner, options.databaseUrl, roleSecret, def.appendOnly ?? [], def.roster ? ['roster'] : [], options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  } finally {
    await owner.close(true);
  }
  const orm = (await connectDatabase({ databaseUrl: servingUrl, entities, onQuery: options.onQuery })) as MikroORM;
  const stopSweeping = await releaseDeadConnections(orm);
  const rosterSource = options.roster && { pool: new pg.Pool({ connectionString: options.roster.sourceUrl, max: 2 }), waitMs: options.roster.waitMs ?? 3000 };
  const replica =
    options.roster &&
    new ReplicaWatch({
      departmentUrl: options.databaseUrl,
      registryUrl: options.roster.sourceUrl,
      subscription: rosterSubscriptionName(options.databaseUrl),
      ...(options.roster.maxLagMs !== undefined ? { maxLagMs: options.roster.maxLagMs } : {}),
      ...(options.roster.checkEveryMs !== undefined ? { checkEveryMs: options.roster.checkEveryMs } : {}),
      log: (line) => console.log(`${def.name}: ${line}`),
    });
  // A healthy replica shows it is current within a moment; one far behind is served as such.
  await replica?.start(options.roster?.startWaitMs ?? REPLICA_START_WAIT_MS);
  const { schema } = await def.schema();
  const peers = new Peers(options.peers ?? {}, options.gatewaySecret);
  const idempotencyKeepMs = (options.idempotencyKeepHours ?? DEFAULT_IDEMPOTENCY_KEEP_HOURS) * 3_600_000;
  const answers = answerSealer(roleSecret);
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    // No inline tracing and no cache-control plugin: both instrument every field, and nothing reads them.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), ...(replica ? [replicaGuardPlugin<SubgraphContext<L>>(replica, def.name)] : []), textGuardPlugin(), idempotencyPlugin(), partialAnswersPlugin(), referenceChecksPlugin()],
    includeStacktraceInErrorResponses: false,
    // The hub stops servers in order (gateway, subgraphs, then PostgreSQL); Apollo's own
    // signal handlers would stop them out of order and re-raise the signal, killing the
    // process before PostgreSQL is stopped.
    stopOnTerminationSignals: false,
    formatError: maskInternalError,
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    // The kit's http refuses a request the gateway did not sign for this service, path and body before reading it.
    signedCallers: { secret: options.gatewaySecret, service: def.name },
    context: async (req, { caller }) => {
      if (!caller) throw new GraphQLError('only the gateway may call a subgraph', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      const em = orm.em.fork() as EntityManager;
      const roster = rosterSource ? new Roster(em, rosterSource) : undefined;
      const fourZeros = def.fourZeros && figureCountLoader(em, def.fourZeros, settings, () => void upkeep());
      const idempotency = idempotencyOf(req.headers, answers, idempotencyKeepMs);
      return { em, loaders: def.loaders(em, () => void upkeep()), caller, requestId: requestIdFrom(req.headers), ...(pii ? { pii } : {}), blindIndex, settings, peers, ...(roster ? { roster } : {}), ...(fourZeros ? { fourZeros } : {}), ...(idempotency ? { idempotency } : {}) };
    },
    batches: true,
    posts: def.coverage ? { [COVERAGE_PATH]: coverageRoute(def.coverage, () => orm.em.fork() as EntityManager, settings, () => replica?.status.state ?? 'CURRENT') } : {},
    routes: {
      '/health/live': (_req, res) => json(res, 200, { status: 'live' }),
      '/health/ready': async (_req, res) => {
        try {
          await orm.em.fork().getConnection().execute('select 1');
          // Behind, it serves (every operation answers ROSTER_BEHIND, and it catches up by
          // itself) but is not ready: what it would answer is not what the registry says.
          const behind = replica && replica.status.state !== 'CURRENT';
          // The pid says which process answered: a supervisor waiting for its child must not take another's answer on the same port.
          json(res, behind ? 503 : 200, { status: behind ? 'roster behind' : 'ready', pid: process.pid, ...(replica ? { roster: replica.status } : {}) });
        } catch {
          json(res, 503, { status: 'database unreachable' });
        }
      },
    },
  });
  const http = await listen(handler, options.port ?? listedSubgraph(def.name).defaultPort, options.host);
  let stopped = false;
  let keeping: Promise<void> | null = null;
  const upkeep = (): Promise<void> =>
    (keeping ??= purgeIdempotencyKeys(orm.em.fork() as EntityManager, idempotencyKeepMs)
      .then(() => def.upkeep?.(orm.em.fork() as EntityManager, settings))
      .catch((err: Error) => {
        if (!stopped) console.error(`${def.name}: upkeep failed (the next read does it instead): ${err.message}`);
      })
      .finally(() => (keeping = null)));
  const warmed = upkeep();
  const upkeepTimer = setInterval(() => void upkeep(), UPKEEP_EVERY_MS).unref();
  return {
    name: def.name,
    url: http.url,
    graphqlUrl: `${http.url}/graphql`,
    orm,
    http,
    ...(rosterReader ? { rosterReaderUrl: rosterReader } : {}),
    warmed,
    upkeep,
    stop: async () => {
      stopped = true;
      clearInterval(upkeepTimer);
      stopSweeping();
      await http.close();
      await apollo.stop();
      await orm.close(true);
      await rosterSource?.pool.end();
      await replica?.stop();
    },
  };
}

/**
 * The registry (it owns the ID numbers) holds the personal-data key; a department holds only
 * the blind-index key derived from it, which finds a member by ID number and decrypts nothing.
 */
function personalDataKeys(def: SubgraphDefinition<unknown>, options: StartOptions): { pii?: PersonalDataCipher; blindIndex: BlindIndex } {
  if (def.publishesRoster) {
    if (!options.piiKey) throw new Error(`${def.name} holds the ID numbers: it needs the personal-data key (piiKey)`);
    const pii = new PersonalDataCipher(options.piiKey);
    return { pii, blindIndex: pii };
  }
  if (options.piiKey) throw new Error(`${def.name} is a department: give it the blind-index key, never the personal-data key`);
  if (!options.blindIndexKey) throw new Error(`${def.name} needs the blind-index key (blindIndexKey)`);
  return { blindIndex: new BlindIndex(options.blindIndexKey) };
}

/** What a start says when its port is taken (by another hub, often). */
export const portInUse = (what: string, host: string, port: number, variable: string) =>
  `${what}: port ${port} on ${host} is in use (another hub still running?); stop what holds it, or set ${variable} to another port`;

/** The built script that runs one subgraph as its own process: `node SUBGRAPH_MAIN <name>`. */
export const SUBGRAPH_MAIN = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? './main.js' : '../../dist/src/server/main.js', import.meta.url));

/** `node dist/main.js` of a subgraph: one process, settings from the environment. */
export async function runSubgraphMain<L>(def: SubgraphDefinition<L>): Promise<void> {
  const kitSettings = z.object({
    DATABASE_URL: postgresUrl,
    PORT: port(listedSubgraph(def.name).defaultPort),
    HOST: z.string().default('127.0.0.1'),
    FUPIN_GATEWAY_SECRET: gatewaySecret,
    FUPIN_ROLE_SECRET: gatewaySecret.optional(),
    // The registry decrypts ID numbers; a department only finds them by their blind index.
    FUPIN_PII_KEY: def.publishesRoster ? piiKey : z.never({ error: 'a department is never given the personal-data key: set FUPIN_BLIND_INDEX_KEY' }).optional(),
    FUPIN_BLIND_INDEX_KEY: def.publishesRoster ? blindIndexKey.optional() : blindIndexKey,
    ROSTER_SOURCE_URL: def.roster ? postgresUrl : postgresUrl.optional(),
    ROSTER_WAIT_MS: z.coerce.number().int().min(0).max(60000).default(3000),
    FUPIN_ROSTER_MAX_LAG_MS: z.coerce.number().int().min(1000).default(5000),
    FUPIN_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_STATEMENT_TIMEOUT_MS),
    FUPIN_IDEMPOTENCY_KEEP_HOURS: idempotencyKeepHours,
  });
  // The kit's settings and the subgraph's own, checked together: one start lists every problem.
  const env = parseEnvOrExit(def.settings ? kitSettings.extend(def.settings.shape) : kitSettings) as z.infer<typeof kitSettings>;
  const running = await startSubgraph(def, {
    databaseUrl: env.DATABASE_URL,
    port: env.PORT,
    host: env.HOST,
    gatewaySecret: env.FUPIN_GATEWAY_SECRET,
    ...(env.FUPIN_ROLE_SECRET ? { roleSecret: env.FUPIN_ROLE_SECRET } : {}),
    ...(env.FUPIN_PII_KEY ? { piiKey: env.FUPIN_PII_KEY } : {}),
    ...(!def.publishesRoster && env.FUPIN_BLIND_INDEX_KEY ? { blindIndexKey: env.FUPIN_BLIND_INDEX_KEY } : {}),
    statementTimeoutMs: env.FUPIN_STATEMENT_TIMEOUT_MS,
    idempotencyKeepHours: env.FUPIN_IDEMPOTENCY_KEEP_HOURS,
    ...(def.roster && env.ROSTER_SOURCE_URL ? { roster: { sourceUrl: env.ROSTER_SOURCE_URL, waitMs: env.ROSTER_WAIT_MS, maxLagMs: env.FUPIN_ROSTER_MAX_LAG_MS } } : {}),
    // The others where the gateway finds them: <NAME>_URL, else their default ports here.
    peers: Object.fromEntries(readSubgraphList().map((s) => [s.name, process.env[`${envName(s.name)}_URL`] ?? `http://127.0.0.1:${s.defaultPort}/graphql`])),
  }).catch((err: Error & { code?: string }) => {
    // One line that says what to do, not a stack.
    console.error(err.code === 'EADDRINUSE' ? portInUse(def.name, env.HOST, env.PORT, `${envName(def.name)}_PORT`) : `${def.name} cannot start: ${err.message}`);
    process.exit(1);
  });
  console.log(`${def.name} subgraph at ${running.graphqlUrl} (pid ${process.pid})`);
  onShutdown(running.stop);
}
