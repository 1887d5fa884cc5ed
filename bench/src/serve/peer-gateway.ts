import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type Caller, signCaller, tokenVerifier } from '@fupin/kit';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GraphQLError } from 'graphql';

// A peer gateway over the hub's own subgraphs, doing the hub's security work and no more: it
// verifies the client's token with the hub's JWKS and passes the verified caller to each
// subgraph, signed with the gateway secret (the subgraphs refuse anything else).
//   node peer-gateway.js <hive | hive-rust | apollo> <port>
// Environment: SUPERGRAPH_PATH, FUPIN_JWKS, FUPIN_GATEWAY_SECRET, SUBGRAPH_URLS (JSON: name → URL).
const [kind, portArg] = process.argv.slice(2);
const port = Number(portArg);
const supergraph = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8');
const secret = process.env.FUPIN_GATEWAY_SECRET!;
const urls = JSON.parse(process.env.SUBGRAPH_URLS!) as Record<string, string>;
const verify = await tokenVerifier(process.env.FUPIN_JWKS!);
const bearer = (header: string | null | undefined) => /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
const services = new Map(Object.entries(urls).map(([name, url]) => [new URL(url).href, name]));
const SIGN_AS = 'x-bench-sign-as';
/** The gateway's signature for one call: its method, path, target service and body (kit caller-headers). */
const signFor = (caller: Caller, url: string, method: string, body: string) =>
  signCaller(caller, secret, { method, path: new URL(url).pathname, service: services.get(new URL(url).href)!, body });

if (kind === 'apollo') {
  // @apollo/gateway as its documentation sets it up: defaults everywhere.
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<{ caller: Caller }>({
        url: urls[name]!,
        willSendRequest({ request, context }) {
          request.http!.headers.set(SIGN_AS, JSON.stringify(context.caller));
          request.http!.headers.set('x-request-id', randomUUID());
        },
        // The caller is signed for the body the data source built (the subgraphs check it).
        fetcher: ((url: string, init: { method?: string; headers: Record<string, string>; body?: string }) => {
          const { [SIGN_AS]: caller, ...headers } = init.headers;
          return fetch(url, { ...init, headers: { ...headers, ...signFor(JSON.parse(caller!) as Caller, url, init.method ?? 'POST', init.body ?? '') } });
        }) as never,
      }),
  });
  const server = new ApolloServer<{ caller: Caller }>({ gateway });
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = bearer(req.headers.authorization);
      const caller = token ? await verify(token) : 'no bearer token';
      if (typeof caller === 'string') throw new GraphQLError(caller, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      return { caller };
    },
  });
} else {
  const callers = new WeakMap<Request, Caller>();
  const gateway = createGatewayRuntime({
    supergraph,
    transportEntries: Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
    ...(kind === 'hive-rust' ? { unifiedGraphHandler } : {}),
    logging: false,
    plugins: () => [
      {
        // Signed for the call Hive makes, once its body is known.
        onFetch({ url, options, setOptions, context }: { url: string; options: RequestInit & { headers?: Record<string, string> }; setOptions: (o: RequestInit) => void; context: { request?: Request } }) {
          const caller = context.request && callers.get(context.request);
          if (!caller) return;
          setOptions({ ...options, headers: { ...options.headers, ...signFor(caller, url, options.method ?? 'POST', typeof options.body === 'string' ? options.body : '') } });
        },
        async onRequest({ request, endResponse, fetchAPI }: { request: Request; endResponse: (r: Response) => void; fetchAPI: { Response: typeof Response } }) {
          if (!new URL(request.url).pathname.startsWith('/graphql')) return;
          const token = bearer(request.headers.get('authorization'));
          const caller = token ? await verify(token) : 'no bearer token';
          if (typeof caller === 'string') return endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message: caller, extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 401 }));
          callers.set(request, caller);
        },
      },
    ],
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const caller = callers.get(request);
        return caller ? { 'x-request-id': randomUUID() } : {};
      },
    },
  });
  await new Promise<void>((resolve) => createServer(gateway).listen(port, '127.0.0.1', resolve));
}
console.log(`${kind} gateway on ${port}`);
