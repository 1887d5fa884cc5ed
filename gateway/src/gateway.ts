import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { type Caller, createHttpHandler, isIdempotencyKey, requestIdFrom, json, listen, type RunningHttp, tokenVerifier } from '@fupin/kit';
import { readFile } from 'node:fs/promises';
import { SubgraphDataSource } from './data-source.js';
import { subgraphFetcher } from './subgraph-client.js';
import { type GraphiqlOptions, graphiqlPage, graphiqlRoutes, SIGN_IN_PATH } from './graphiql.js';
import { DEFAULT_LIMITS, DocumentScreen, type Limits, limitsPlugin, RateLimiter } from './limits.js';
import { maskGatewayError } from './mask-errors.js';
import { DEFAULT_TRUSTED_DOCUMENTS_DIR } from './env.js';
import { type DevTokens, devTokenPost, WEB_PATH, webConfigRoute, webRoutes } from './web.js';
import { type GatewayAudit, loadManifests, TrustedDocuments, type TrustedDocumentsCounts, type TrustedDocumentsMode } from './trusted-documents.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphPath: string;
  /** Subgraph name → GraphQL URL; names not given keep the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** A subgraph call that takes longer fails instead of holding the client. */
  subgraphTimeoutMs?: number;
  /** Per subgraph name, a deadline of its own (a department known to be slow, or one that must answer fast). */
  subgraphTimeouts?: Record<string, number>;
  /**
   * The whole request's deadline (default 15000): a plan of several fetches in a row never holds
   * the client longer; each fetch gets what is left of it when that is less than its own deadline.
   */
  requestTimeoutMs?: number;
  /** A subgraph's answer larger than this is no answer (BAD_RESPONSE); default 8 MB. */
  subgraphMaxResponseBytes?: number;
  /** How many times a read is tried again when a subgraph could not be reached or answered 502–504 (never a mutation). */
  readRetries?: number;
  /** JWKS file or URL that verifies callers' tokens. */
  jwksSource: string;
  /** Shared with the subgraphs: the gateway signs each caller for them with it. */
  gatewaySecret: string;
  /** Development allows introspection to every caller; production to ADMIN only. */
  mode?: 'development' | 'production';
  limits?: Partial<Limits>;
  /**
   * Trusted documents (persisted operations): `mode` (default `off` here; `gatewayEnv` defaults it
   * from FUPIN_MODE) and `dir`, where every `<version>.json` manifest is loaded (default: this
   * repository's client/manifest).
   */
  trustedDocuments?: { mode?: TrustedDocumentsMode; dir?: string };
  /** Where the gateway's own audit records go (trusted-document refusals); default a JSON line on stderr. */
  audit?: GatewayAudit;
  /** The caseworker's page: the built web/dist, served at /app/ on this origin (nothing when the folder has no index.html). */
  webDir?: string;
  /**
   * Development sign-in for the page (POST /app/dev-token): signs a token for the role, region and
   * department chosen. Refused in production: startGateway will not start with it.
   */
  devTokens?: DevTokens;
  /** GraphiQL's development sign-in and tabs (`npm start`/`npm run dev` in development only). */
  graphiql?: GraphiqlOptions;
}

export interface GatewayContext {
  caller: Caller;
  /** Joins the gateway's and every subgraph's records of one request (audit correlation id). */
  requestId: string;
  /** The client's `Idempotency-Key`, passed to the subgraph that runs its mutation. */
  idempotencyKey?: string;
  /** When the client stops waiting (epoch ms): no subgraph call runs past it. */
  deadline: number;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  http: RunningHttp;
  /** How many bearer tokens had their signature checked: a caller kept from an earlier request is not checked again. */
  tokenSignatureChecks(): number;
  /** The trusted-documents mode in force, how many documents its manifests hold, and its counts. */
  trustedDocuments(): { mode: TrustedDocumentsMode; documents: number } & TrustedDocumentsCounts;
  stop(): Promise<void>;
}

/** An Idempotency-Key names one write: an operation with several mutation fields cannot carry one. */
const oneMutationPerKey: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.idempotencyKey && operation?.operation === 'mutation' && operation.selectionSet.selections.length !== 1) {
          throw new GraphQLError('an Idempotency-Key covers one mutation field', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        }
      },
    };
  },
};

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_SUBGRAPH_MAX_RESPONSE_BYTES = 8_000_000;
/** How long a verified token's caller is kept (never past the token's expiry). */
const TOKEN_CACHE_MS = 60_000;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  if (options.devTokens && options.mode === 'production') {
    throw new Error('development sign-in (devTokens) is refused in production: tokens come from the identity provider');
  }
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata
  // addresses (169.254.169.254) for them: a hub on a government intranet calls nobody.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const supergraphSdl = await readFile(options.supergraphPath, 'utf8');
  const serviceUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url!;
      serviceUrls.set(name, target);
      const fetcher = subgraphFetcher({
        service: name,
        secret: options.gatewaySecret,
        timeoutMs: options.subgraphTimeouts?.[name] ?? options.subgraphTimeoutMs ?? 10_000,
        maxResponseBytes: options.subgraphMaxResponseBytes ?? DEFAULT_SUBGRAPH_MAX_RESPONSE_BYTES,
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return new SubgraphDataSource({ url: target, fetcher: fetcher as any }, name, options.readRetries ?? 2);
    },
  });
  const verify = await tokenVerifier(options.jwksSource, { cacheMs: TOKEN_CACHE_MS });
  const limits: Limits = { ...DEFAULT_LIMITS, introspectionForAll: (options.mode ?? 'development') === 'development', ...options.limits };
  const rate = new RateLimiter(limits.ratePerMinute);
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => void (apiSchema = loaded));
  const screen = new DocumentScreen(() => apiSchema, limits);
  const trustedMode = options.trustedDocuments?.mode ?? 'off';
  const trustedDir = options.trustedDocuments?.dir ?? DEFAULT_TRUSTED_DOCUMENTS_DIR;
  const manifests = await loadManifests(trustedDir);
  if (trustedMode === 'enforce' && manifests.documents.size === 0) {
    // Enforcing with no documents would refuse every caller but ADMIN: a misconfiguration, not a policy.
    throw new Error(`trusted documents: enforce, but no manifest in ${trustedDir} holds a document (set FUPIN_TRUSTED_DOCUMENTS_DIR, or FUPIN_TRUSTED_DOCUMENTS=log-unknown)`);
  }
  const trusted = new TrustedDocuments(trustedMode, manifests.documents, options.audit);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // No cache-control plugin: it instruments every field, and nothing here reads cache hints.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), limitsPlugin(limits), oneMutationPerKey],
    includeStacktraceInErrorResponses: false,
    // The hub stops servers in order (gateway, subgraphs, then PostgreSQL); Apollo's own
    // signal handlers would stop them out of order and re-raise the signal, killing the
    // process before PostgreSQL is stopped.
    stopOnTerminationSignals: false,
    // Introspection is allowed here and limited per caller by limitsPlugin.
    introspection: true,
    // No automatic persisted queries: a document is known because a client release's manifest
    // holds it (trusted documents), never because some caller sent it once.
    persistedQueries: false,
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: maskGatewayError,
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    context: async (req, graphql) => {
      const header = req.headers.authorization ?? '';
      const token = /^Bearer (\S+)$/i.exec(header)?.[1];
      const caller = token ? await verify(token) : 'no bearer token';
      if (typeof caller === 'string') {
        throw new GraphQLError(`not authenticated: ${caller}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      const wait = rate.take(caller.subject);
      if (wait > 0) {
        // Apollo reads `http.headers` as a HeaderMap; graphql-yoga's typings (in the benchmark's peer gateways) declare a plain record.
        const http = { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) } as unknown as { status: number };
        throw new GraphQLError('too many requests', { extensions: { code: 'RATE_LIMITED', http } });
      }
      const requestId = requestIdFrom(req.headers);
      // Before Apollo parses, validates or plans it: a document no client release holds is refused
      // (or logged) first, and one whose size alone is abuse never gets further.
      trusted.check(graphql?.body, graphql?.query, caller, requestId);
      screen.check(graphql?.query);
      const idempotencyKey = req.headers['idempotency-key'];
      if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !isIdempotencyKey(idempotencyKey))) {
        throw new GraphQLError('Idempotency-Key must have 1 to 128 printable characters', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      }
      const deadline = Date.now() + (options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
      return { caller, requestId, deadline, ...(idempotencyKey ? { idempotencyKey } : {}) };
    },
    prepareBody: (body) => trusted.resolve(body),
    browserPage: graphiqlPage,
    posts: {
      ...(options.devTokens ? { [`${WEB_PATH}dev-token`]: devTokenPost(options.devTokens) } : {}),
      ...(options.graphiql?.signIn ? { [SIGN_IN_PATH]: signInRoute(options.graphiql.signIn) } : {}),
    },
    routes: {
      ...graphiqlRoutes(options.graphiql),
      ...(options.webDir ? { ...webRoutes(options.webDir), [`${WEB_PATH}config.json`]: webConfigRoute(options.devTokens) } : {}),
      '/health/live': (_req, res) => json(res, 200, { status: 'live' }),
      // Ready when every subgraph says it is ready (each checks its own database, a department its roster copy).
      '/health/ready': async (_req, res) => {
        const checks = await Promise.all(
          [...serviceUrls].map(async ([name, url]) => {
            const said = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(2000) }).then(
              async (r) => ({ ok: r.ok, roster: ((await r.json().catch(() => null)) as { roster?: { state?: unknown } } | null)?.roster?.state }),
              () => ({ ok: false, roster: undefined }),
            );
            return [name, said.ok ? 'ready' : typeof said.roster === 'string' ? `roster behind (${said.roster})` : 'unavailable'] as const;
          }),
        );
        const subgraphs = Object.fromEntries(checks);
        json(res, checks.every(([, s]) => s === 'ready') ? 200 : 503, { status: checks.every(([, s]) => s === 'ready') ? 'ready' : 'not ready', subgraphs });
      },
    },
  });
  const http = await listen(handler, options.port, options.host);
  return {
    url: http.url,
    graphqlUrl: `${http.url}/graphql`,
    http,
    tokenSignatureChecks: () => verify.signatureChecks,
    trustedDocuments: () => ({ mode: trusted.mode, documents: trusted.size, ...trusted.counts }),
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}

/** POST /graphiql/sign-in `{ role, region, department? }` → `{ token }`, or 400 with why the claims are refused. */
const signInRoute =
  (signIn: NonNullable<GraphiqlOptions['signIn']>) =>
  async (_req: unknown, res: Parameters<typeof json>[0], body: unknown): Promise<void> => {
    const { role, region, department } = (body ?? {}) as Record<string, unknown>;
    try {
      json(res, 200, { token: await signIn({ role: String(role), region: String(region), ...(department !== undefined ? { department: String(department) } : {}) }) });
    } catch (err) {
      json(res, 400, { error: (err as Error).message });
    }
  };
