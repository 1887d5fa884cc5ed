import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { type Caller, createHttpHandler, IDEMPOTENCY_HEADER, isIdempotencyKey, requestIdFrom, json, listen, type RunningHttp, signCaller, tokenVerifier } from '@fupin/kit';
import { readFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { graphiqlPage, graphiqlRoutes } from './graphiql.js';
import { DEFAULT_LIMITS, type Limits, limitsPlugin, RateLimiter } from './limits.js';
import { maskGatewayError } from './mask-errors.js';

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
  /** How many times a read is tried again when a subgraph could not be reached or answered 502–504 (never a mutation). */
  readRetries?: number;
  /** JWKS file or URL that verifies callers' tokens. */
  jwksSource: string;
  /** Shared with the subgraphs: the gateway signs each caller for them with it. */
  gatewaySecret: string;
  /** Development allows introspection to every caller; production to ADMIN only. */
  mode?: 'development' | 'production';
  limits?: Partial<Limits>;
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
  stop(): Promise<void>;
}

/** Carries a request's deadline from `willSendRequest` to the fetcher; never sent on. */
const DEADLINE_HEADER = 'x-fupin-deadline';

/** Subgraph calls reuse their sockets (the subgraphs keep idle ones 65 s). */
const subgraphAgent = new Agent({ keepAlive: true, maxSockets: 256 });
const tlsSubgraphAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

/**
 * The subgraph call itself, on node:http with a keep-alive agent: one write of a body whose
 * length is known. (Node's fetch streams every body through an async iterator, which cost the
 * gateway a quarter of its CPU in socket writes.) Each call gets its own deadline, cut to what
 * is left of the request's; the answer is handed to Apollo as a fetch Response.
 */
function fetcherWithTimeout(timeoutMs: number) {
  const send = (url: string, init: { method?: string; headers: Record<string, string>; body?: string }, fresh: boolean): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const { [DEADLINE_HEADER]: deadline, ...headers } = init.headers;
      const left = deadline ? Number(deadline) - Date.now() : timeoutMs;
      const body = init.body ?? '';
      const tls = url.startsWith('https:');
      const req = (tls ? httpsRequest : httpRequest)(url, { method: init.method ?? 'POST', agent: tls ? tlsSubgraphAgent : subgraphAgent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          const pairs = Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 502, headers: pairs }));
        });
      });
      let answered = false;
      req.on('response', () => (answered = true));
      function fail(err: Error & { code?: string }) {
        clearTimeout(timer);
        // A kept-alive socket the subgraph had closed while idle: the request never reached it,
        // so it goes once more on a new socket (Node's documented remedy), a write included.
        if (!fresh && !answered && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) resolve(send(url, init, true));
        else reject(err);
      }
      const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${Math.round(left)} ms`), { name: 'TimeoutError' })), Math.max(0, Math.min(timeoutMs, left)));
      req.on('error', fail);
      req.end(body);
    });
  return batchingReads((url: string, init: Init) => send(url, init, false)) as unknown as typeof fetch;
}

type Init = { method?: string; headers: Record<string, string>; body?: string };
type Send = (url: string, init: Init) => Promise<Response>;

interface Queued {
  init: Init;
  resolve: (r: Response) => void;
  reject: (err: unknown) => void;
}

// A read the data source built: `{"query":"query ...` or `{"query":"{ ...`, naming no mutation
// (the subgraph checks the same; a variable that says "mutation" only goes unbatched).
const isReadBody = (body: string) => /^\{"query":"(query\b|\{)/.test(body) && !/\b(mutation|subscription)\b/.test(body);

/** Carries which client request a subgraph call is for, from `willSendRequest` to the fetcher; never sent on. */
const BATCH_HEADER = 'x-fupin-batch';
const MAX_BATCH = 20; // what a subgraph takes in one call (kit http)
let requestsSeen = 0;
const batchKeys = new WeakMap<object, string>();
const batchKeyOf = (context: object) => {
  let key = batchKeys.get(context);
  if (!key) batchKeys.set(context, (key = String(++requestsSeen)));
  return key;
};

/**
 * Reads of one client request to the same subgraph, asked in the same turn (the parallel
 * branches of a plan: a department's fields of the members and of the household), go as one
 * POST with a JSON array of operations: one call, and on the subgraph one context whose reads
 * go to PostgreSQL together (kit http). An answer that is no array of as many answers, or a
 * status other than 200, sends each on its own; a call that fails fails each of its reads.
 */
function batchingReads(send: Send): Send {
  const queues = new Map<string, Queued[]>();
  return (url, { headers: { [BATCH_HEADER]: request, ...headers }, ...rest }) => {
    const init = { ...rest, headers };
    if (!request || !isReadBody(init.body ?? '')) return send(url, init);
    const key = `${url}\n${request}`;
    return new Promise<Response>((resolve, reject) => {
      const queue = queues.get(key);
      if (queue && queue.length < MAX_BATCH) return void queue.push({ init, resolve, reject });
      const started: Queued[] = [{ init, resolve, reject }];
      queues.set(key, started);
      setImmediate(() => {
        queues.delete(key);
        void flush(url, started);
      });
    });
  };

  async function flush(url: string, queued: Queued[]): Promise<void> {
    const alone = (q: Queued) => send(url, q.init).then(q.resolve, q.reject);
    if (queued.length === 1) return alone(queued[0]!);
    let answers: unknown;
    let response: Response;
    let text: string;
    try {
      response = await send(url, { ...queued[0]!.init, body: `[${queued.map((q) => q.init.body).join(',')}]` });
      text = await response.text();
      answers = response.status === 200 ? JSON.parse(text) : undefined;
    } catch (err) {
      for (const q of queued) q.reject(err);
      return;
    }
    // Refused as a batch (a subgraph that takes none, a body too large): each on its own.
    if (response.status === 400 || response.status === 413 || (response.status === 200 && (!Array.isArray(answers) || answers.length !== queued.length))) {
      await Promise.all(queued.map(alone));
      return;
    }
    // Failed as a whole (503, 502...): each read has that answer, and its own retries.
    if (!Array.isArray(answers)) {
      for (const q of queued) q.resolve(new Response(text, { status: response.status, headers: response.headers }));
      return;
    }
    queued.forEach((q, i) => q.resolve(new Response(JSON.stringify(answers[i]), { status: 200, headers: response.headers })));
  }
}

/** Why a subgraph gave no usable answer; a client may try again later for each. */
export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE' | 'FAILED' | 'BAD_RESPONSE';

/** Raised inside a fetch, turned into the client's DEPARTMENT_UNAVAILABLE by `process`. */
class Unavailable extends Error {
  constructor(readonly reason: UnavailableReason, detail: string) {
    super(detail);
  }
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function reasonOf(err: unknown): UnavailableReason {
  if (err instanceof Unavailable) return err.reason;
  const name = (err as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
  // A body that is no JSON, or JSON that is no object. (Names, not instanceof: fetch's errors come from another realm under test.)
  if (name === 'SyntaxError' || /^Expected JSON response body/.test((err as Error).message ?? '')) return 'BAD_RESPONSE';
  // The socket's own error: refused, reset, closed under the request, no such host.
  if (UNREACHABLE_CODES.has((err as { code?: string }).code ?? '')) return 'UNREACHABLE';
  return 'FAILED';
}

/** Where in the client's response the fetch's fields are: its path, list positions left out, then each field it asked for. */
function affectedPaths(path: readonly (string | number)[] | undefined, document: DocumentNode | undefined): (string | number)[][] {
  const base = (path ?? []).filter((p) => p !== '@');
  const op = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const top = op?.selectionSet.selections ?? [];
  // An entity fetch asks `_entities { ... on Household { fields } }`; a root fetch asks its fields.
  const inner = top.flatMap((s) => (s.kind === Kind.FIELD && s.name.value === '_entities' ? (s.selectionSet?.selections ?? []) : [s]));
  const fields = inner.flatMap((s) => (s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet.selections : [s]));
  const names = [...new Set(fields.flatMap((f) => (f.kind === Kind.FIELD && f.name.value !== '__typename' ? [f.alias?.value ?? f.name.value] : [])))];
  return names.length ? names.map((n) => [...base, n]) : [base];
}

/**
 * A subgraph answers 400 when a variable fails its scalar (a Money with three decimals):
 * the client's mistake, passed on as the subgraph worded it. A subgraph that is down, slower
 * than its deadline, failing or answering something that is no GraphQL response becomes
 * DEPARTMENT_UNAVAILABLE naming it and the fields it leaves null; the rest of the answer
 * stands. Internal addresses and exceptions stay inside. Reads are tried again a few times
 * when the subgraph could not be reached; mutations never.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly secret: string,
    private readonly department: string,
    private readonly retries: number,
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Only the caller the gateway verified reaches a subgraph, whatever the client sent.
    if (!('caller' in context) || !context.caller) throw new GraphQLError('no caller', { extensions: { code: 'UNAUTHENTICATED' } });
    for (const [name, value] of Object.entries(signCaller(context.caller, this.secret))) request.http!.headers.set(name, value);
    request.http!.headers.set('x-request-id', context.requestId);
    if (context.deadline) request.http!.headers.set(DEADLINE_HEADER, String(context.deadline));
    request.http!.headers.set(BATCH_HEADER, batchKeyOf(context));
    if (context.idempotencyKey && /^\s*mutation\b/.test(request.query ?? '')) request.http!.headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const incoming = options.kind === 'incoming operation' ? options : undefined;
    const read = !incoming
      ? true
      : incoming.document
        ? incoming.document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query')
        : !/^\s*mutation\b/.test(incoming.request.query ?? '');
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await super.process(options);
        // A 200 that is no GraphQL response (a proxy's page, a half-written body) is no answer.
        const data = (response as { data?: unknown }).data;
        const entities = data && typeof data === 'object' ? (data as { _entities?: unknown })._entities : undefined;
        if ((data === undefined && !response.errors) || (data !== undefined && data !== null && typeof data !== 'object') || (entities !== undefined && !Array.isArray(entities))) {
          throw new Unavailable('BAD_RESPONSE', 'the answer is no GraphQL response');
        }
        // The subgraph refused the whole operation: its error, placed where its fields are. A
        // department whose roster copy is behind could not be consulted, like one that is down.
        if (response.errors?.length && (data === undefined || data === null) && response.errors.every((e) => !e.path)) {
          const [first] = response.errors;
          const paths = affectedPaths(incoming?.pathInIncomingRequest, incoming ? (incoming.document ?? parse(incoming.request.query ?? '{ __typename }')) : undefined);
          const behind = first!.extensions?.code === 'ROSTER_BEHIND' ? { code: 'DEPARTMENT_UNAVAILABLE', reason: 'ROSTER_BEHIND' } : {};
          throw new GraphQLError(first!.message, { path: paths[0], extensions: { ...first!.extensions, ...behind, department: this.department, affects: paths.map((p) => p.join('.')) } });
        }
        return response;
      } catch (err) {
        if (err instanceof GraphQLError && !(err.originalError instanceof Unavailable)) throw err; // the client's own (400, 401, 403)
        const reason = reasonOf(err instanceof GraphQLError ? err.originalError : err);
        if (read && reason === 'UNREACHABLE' && attempt < this.retries && !(Date.now() >= options.context.deadline)) {
          // Jittered, growing pauses: a restarting subgraph is not hit by every gateway at once.
          await new Promise((r) => setTimeout(r, (50 + Math.random() * 100) * (attempt + 1)));
          continue;
        }
        const paths = affectedPaths(incoming?.pathInIncomingRequest, incoming ? (incoming.document ?? parse(incoming.request.query ?? '{ __typename }')) : undefined);
        throw new GraphQLError(`${this.department} is unavailable (${reason.toLowerCase().replace('_', ' ')}); its fields are null`, {
          path: paths[0],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: this.department, reason, retryable: true, affects: paths.map((p) => p.join('.')) },
        });
      }
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async errorFromResponse(response: any): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const first = body?.errors?.[0];
    if (response.status === 400 && first?.extensions?.code === 'BAD_USER_INPUT') {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (response.status === 401 || response.status === 403) {
      return new GraphQLError(`subgraph answered ${response.status}`, { extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
    }
    const reason = RETRYABLE_STATUS.has(response.status) ? 'UNREACHABLE' : 'FAILED';
    return new GraphQLError(`subgraph answered ${response.status}`, { originalError: new Unavailable(reason, `answered ${response.status}`) });
  }
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
/** How long a verified token's caller is kept (never past the token's expiry). */
const TOKEN_CACHE_MS = 60_000;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
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
      const fetcher = fetcherWithTimeout(options.subgraphTimeouts?.[name] ?? options.subgraphTimeoutMs ?? 10_000);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return new SubgraphDataSource({ url: target, fetcher: fetcher as any }, options.gatewaySecret, name, options.readRetries ?? 2);
    },
  });
  const verify = await tokenVerifier(options.jwksSource, { cacheMs: TOKEN_CACHE_MS });
  const limits: Limits = { ...DEFAULT_LIMITS, introspectionForAll: (options.mode ?? 'development') === 'development', ...options.limits };
  const rate = new RateLimiter(limits.ratePerMinute);
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
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: maskGatewayError,
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    context: async (req) => {
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
      const idempotencyKey = req.headers['idempotency-key'];
      if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !isIdempotencyKey(idempotencyKey))) {
        throw new GraphQLError('Idempotency-Key must have 1 to 128 printable characters', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      }
      const deadline = Date.now() + (options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
      return { caller, requestId: requestIdFrom(req.headers), deadline, ...(idempotencyKey ? { idempotencyKey } : {}) };
    },
    browserPage: graphiqlPage,
    routes: {
      ...graphiqlRoutes,
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
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
