import type { TrustedDocumentsMode } from '@fupin/gateway';
import { startHub, type TestGatewayHub } from '@fupin/gateway/testing';
import { loadDemo } from '@fupin/hub';
import { type Caller, DEPARTMENTS, loadSubgraphs, PersonalDataCipher, readCaller, type Role } from '@fupin/kit';
import { type RunningPostgres, startPostgres } from '@fupin/postgres';

/**
 * A hub for a consumer's integration tests (a frontend team's, another language's through
 * `npm run test-hub`): every listed subgraph and the real gateway on free ports, each over a
 * fresh database, with the demo county seeded small and deterministically, tokens for any
 * role and department, and a reset to the seeded state between tests.
 */
export interface ConsumerTestHubOptions {
  /** Households of the seeded county (the demo generator's; default 20). */
  households?: number;
  /** The generator's seed: the same seed gives the same households, members and ID numbers (default 1). */
  seed?: number;
  /**
   * A PostgreSQL server to make the hub's databases on (it needs wal_level=logical); default:
   * `DATABASE_URL` when set, else an embedded server started here and stopped with the hub.
   */
  databaseUrl?: string;
  /** How long a seed or reset waits for the departments' roster copies (default 60 s). */
  applyWaitMs?: number;
  /**
   * The gateway's trusted-documents mode (docs/client.md): `log-unknown` by default, as under
   * `npm start`; `enforce` to prove a frontend sends only released documents, as production
   * requires of every role but ADMIN.
   */
  trustedDocuments?: TrustedDocumentsMode;
}

export interface TokenRequest {
  role: Role;
  /** The caller's jurisdiction (default: the seeded county; ADMIN: the whole country). */
  regionCode?: string;
  /** A DEPARTMENT_OFFICER's department: any code of subgraphs/subgraphs.json. */
  department?: string;
  /** Who the audit log says asked (default: `<role>-test`). */
  subject?: string;
  /** A JWT lifetime, `1h` by default. */
  expiresIn?: string | number;
}

export interface ConsumerTestHub {
  /** The gateway's GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  url: string;
  /** The seeded county's region code (江夏区, 420115000000). */
  county: string;
  /** Its villages' codes, in code order. */
  villages: string[];
  /** The department codes a DEPARTMENT_OFFICER token may carry. */
  departments: readonly string[];
  households: number;
  seed: number;
  /** A signed token the gateway accepts, for `Authorization: Bearer <token>`. */
  token(request: TokenRequest): Promise<string>;
  /** Back to the seeded county: the registry and every department's records as seeded (audit logs are kept). */
  reset(): Promise<void>;
  /** The underlying test hub (subgraph handles, a national ADMIN client…), for tests of the hub itself. */
  inner: TestGatewayHub;
  stop(): Promise<void>;
}

/** The county the demo generator seeds first: a small seed lies entirely in it. */
export const SEEDED_COUNTY = '420115000000';

export async function startTestHub(options: ConsumerTestHubOptions = {}): Promise<ConsumerTestHub> {
  const households = options.households ?? 20;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(households) || households < 1 || !Number.isInteger(seed)) throw new Error('startTestHub: households is a whole number from 1, seed a whole number');
  // The kit's test databases are made on the server named here; jest's globalSetup sets it for
  // the hub's own suites, a consumer's run has none.
  let postgres: RunningPostgres | undefined;
  const given = options.databaseUrl ?? process.env.FUPIN_TEST_PG_URL ?? process.env.DATABASE_URL;
  if (!given) {
    postgres = await startPostgres({});
    process.env.FUPIN_TEST_PG_URL = postgres.url;
  } else if (!process.env.FUPIN_TEST_PG_URL) {
    process.env.FUPIN_TEST_PG_URL = given;
  }
  const piiKey = PersonalDataCipher.newKey();
  let inner: TestGatewayHub;
  try {
    inner = await startHub({ trustedDocuments: { mode: options.trustedDocuments ?? 'log-unknown' } }, { piiKey });
  } catch (err) {
    await postgres?.stop();
    throw err;
  }
  const listed = await loadSubgraphs();
  const seedCounty = (replace: boolean) =>
    loadDemo({
      listed,
      databaseUrl: (def) => inner.subgraphs[def.name]!.ownerUrl,
      piiKey,
      households,
      seed,
      replace,
      applyWaitMs: options.applyWaitMs ?? 60_000,
      log: () => {},
    });
  let villages: string[];
  try {
    await seedCounty(false);
    const rows = await inner.subgraphs.households!.orm.em
      .fork()
      .getConnection()
      .execute<{ code: string }[]>(`select code from region where level = 'VILLAGE' and code like ? order by code`, [`${SEED_PREFIX}%`]);
    villages = rows.map((r) => r.code);
  } catch (err) {
    await inner.stop();
    await postgres?.stop();
    throw err;
  }
  return {
    url: inner.gatewayUrl,
    county: SEEDED_COUNTY,
    villages,
    departments: DEPARTMENTS,
    households,
    seed,
    inner,
    async token({ role, regionCode, department, subject, expiresIn }) {
      const region = regionCode ?? (role === 'ADMIN' ? '000000000000' : SEEDED_COUNTY);
      const claims = { sub: subject ?? `${role.toLowerCase()}-test`, role, region, ...(department !== undefined ? { department } : {}) };
      // The hub's own check of a token's claims: a test asking for what no hub would sign learns it here.
      const caller = readCaller(claims);
      if (typeof caller === 'string') throw new Error(`startTestHub: token(${JSON.stringify({ role, regionCode, department })}): ${caller}`);
      return inner.token(caller as Caller, expiresIn);
    },
    reset: () => seedCounty(true),
    async stop() {
      await inner.stop();
      await postgres?.stop();
    },
  };
}

/** The county's prefix in region codes: its villages start with it. */
const SEED_PREFIX = SEEDED_COUNTY.slice(0, 6);
