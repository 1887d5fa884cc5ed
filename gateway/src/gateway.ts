import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createHttpHandler, json, listen, type RunningHttp } from '@fupin/kit';
import { readFile } from 'node:fs/promises';
import { graphiqlPage, graphiqlRoutes } from './graphiql.js';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphPath: string;
  /** Subgraph name → GraphQL URL; names not given keep the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** A subgraph call that takes longer fails instead of holding the client. */
  subgraphTimeoutMs?: number;
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
class SubgraphDataSource extends RemoteGraphQLDataSource {
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
  const supergraphSdl = await readFile(options.supergraphPath, 'utf8');
  const fetcher = fetcherWithTimeout(options.subgraphTimeoutMs ?? 10_000);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      new SubgraphDataSource({ url: options.subgraphUrls[name] ?? url, fetcher: fetcher as any }),
  });
  const apollo = new ApolloServer({
    gateway,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    context: async () => ({}),
    browserPage: graphiqlPage,
    routes: {
      ...graphiqlRoutes,
      '/health/live': (_req, res) => json(res, 200, { status: 'live' }),
      '/health/ready': (_req, res) => json(res, 200, { status: 'ready' }),
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
