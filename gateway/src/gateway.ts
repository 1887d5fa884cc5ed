import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { type Caller, createHttpHandler, requestIdFrom, json, listen, type RunningHttp, signCaller, tokenVerifier } from '@fupin/kit';
import { readFile } from 'node:fs/promises';
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
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  http: RunningHttp;
  stop(): Promise<void>;
}

/**
 * Node's fetch pools connections per origin and keeps them alive, so gateway → subgraph
 * calls reuse sockets; each call gets its own deadline.
 */
function fetcherWithTimeout(timeoutMs: number) {
  return ((url: string, init?: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as typeof fetch;
}

/**
 * A subgraph answers 400 when a variable fails its scalar (a Money with three decimals):
 * the client's mistake, passed on as the subgraph worded it. Other failures do not tell
 * clients the subgraph's internal address.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly secret: string,
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Only the caller the gateway verified reaches a subgraph, whatever the client sent.
    if (!('caller' in context) || !context.caller) throw new GraphQLError('no caller', { extensions: { code: 'UNAUTHENTICATED' } });
    for (const [name, value] of Object.entries(signCaller(context.caller, this.secret))) request.http!.headers.set(name, value);
    request.http!.headers.set('x-request-id', context.requestId);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async errorFromResponse(response: any): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const first = body?.errors?.[0];
    if (response.status === 400 && first?.extensions?.code === 'BAD_USER_INPUT') {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'SUBGRAPH_ERROR';
    return new GraphQLError(`subgraph answered ${response.status}`, { extensions: { code } });
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata
  // addresses (169.254.169.254) for them: a hub on a government intranet calls nobody.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const supergraphSdl = await readFile(options.supergraphPath, 'utf8');
  const fetcher = fetcherWithTimeout(options.subgraphTimeoutMs ?? 10_000);
  const serviceUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url!;
      serviceUrls.set(name, target);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return new SubgraphDataSource({ url: target, fetcher: fetcher as any }, options.gatewaySecret);
    },
  });
  const verify = await tokenVerifier(options.jwksSource);
  const limits: Limits = { ...DEFAULT_LIMITS, introspectionForAll: (options.mode ?? 'development') === 'development', ...options.limits };
  const rate = new RateLimiter(limits.ratePerMinute);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginLandingPageDisabled(), limitsPlugin(limits)],
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
        throw new GraphQLError('too many requests', { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) } } });
      }
      return { caller, requestId: requestIdFrom(req.headers) };
    },
    browserPage: graphiqlPage,
    routes: {
      ...graphiqlRoutes,
      '/health/live': (_req, res) => json(res, 200, { status: 'live' }),
      // Ready when every subgraph says it is ready (each checks its own database).
      '/health/ready': async (_req, res) => {
        const checks = await Promise.all(
          [...serviceUrls].map(async ([name, url]) => {
            const ok = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
            return [name, ok ? 'ready' : 'unavailable'] as const;
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
