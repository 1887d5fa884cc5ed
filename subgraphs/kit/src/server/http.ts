import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Caller } from '../auth/caller.js';
import { bodyHashOf, verifyCaller } from '../auth/caller-headers.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /**
   * The caller's context. `graphql` is the request Apollo is about to run: its query (to screen
   * it first), the POST body as `prepareBody` left it, and, on a service that takes only signed
   * callers, the caller the gateway signed for.
   */
  context: (req: IncomingMessage, graphql: { query: unknown; body?: unknown; caller?: Caller }) => Promise<C>;
  /**
   * Rewrites a single operation's POST body before Apollo reads it (the gateway's trusted
   * documents: a `documentId` becomes the document's text). It must not throw: refusals belong
   * in `context`, which sees the rewritten body.
   */
  prepareBody?: (body: unknown) => unknown;
  /**
   * A service inside the hub: every POST must carry the gateway's signature for this service, its
   * method, path and body. The signature is checked before the body is read, the body against it
   * after; anything else is a 401.
   */
  signedCallers?: { secret: string; service: string };
  /** Extra GET routes by exact path (health checks, static assets). */
  routes?: Record<string, Route>;
  /** POST routes by exact path that take a JSON body (service-to-service calls inside the hub). */
  posts?: Record<string, (req: IncomingMessage, res: ServerResponse, body: unknown, caller: Caller | undefined) => Promise<void>>;
  /**
   * Takes a POST of an array of read operations (the gateway's reads of one client request to
   * this service): one context is made for the call, so they share its EntityManager and
   * loaders and their reads of a turn go as one statement.
   */
  batches?: boolean;
  /** Answers GET /graphql for browsers (GraphiQL) before Apollo sees it. */
  browserPage?: Route;
  graphqlPath?: string;
  bodyLimitBytes?: number;
}

export interface RunningHttp {
  server: Server;
  port: number;
  url: string;
  /** Stops taking connections, lets requests in flight finish, then closes. */
  close(): Promise<void>;
  /** Listens again on the same port with the same handler, after `close` (a service back from an outage). */
  reopen(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number, bodyHash?: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (bodyHash !== undefined) {
    const [given, read] = [Buffer.from(bodyHash), Buffer.from(bodyHashOf(body))];
    if (given.length !== read.length || !timingSafeEqual(given, read)) throw new HttpError(401, 'only the gateway may call a subgraph', 'UNAUTHENTICATED');
  }
  return body.toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.end(body);
}

export const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value));

/** Apollo Server on plain node:http: no framework, nothing between the socket and Apollo. */
export function createHttpHandler<C extends BaseContext>(options: HttpOptions<C>) {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const limit = options.bodyLimitBytes ?? 1_000_000;
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = options.routes?.[url.pathname];
      if (route && (req.method === 'GET' || req.method === 'HEAD')) return await route(req, res);
      const post = options.posts?.[url.pathname];
      const signed = (post && req.method === 'POST') || url.pathname === graphqlPath ? signedCaller(req, url.pathname) : undefined;
      if (post && req.method === 'POST') {
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req, limit, signed?.bodyHash));
        } catch (err) {
          if (err instanceof HttpError) throw err;
          return json(res, 400, { error: 'body is not valid JSON' });
        }
        return await post(req, res, body, signed?.caller);
      }
      if (url.pathname !== graphqlPath) return json(res, 404, { error: 'not found' });
      if (req.method === 'GET' && options.browserPage && (req.headers.accept ?? '').includes('text/html')) {
        return await options.browserPage(req, res);
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req, limit, signed?.bodyHash);
        if ((req.headers['content-type'] ?? '').includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            return json(res, 400, { errors: [{ message: 'body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          }
        } else {
          body = text;
        }
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const caller = signed?.caller;
      if (Array.isArray(body)) return await batch(req, res, body, (op, context) => options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method, headers, search: url.search, body: op }, context }), caller);
      if (method === 'POST' && options.prepareBody) body = options.prepareBody(body);
      const query = method === 'GET' ? url.searchParams.get('query') : (body as { query?: unknown } | undefined)?.query;
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body },
        context: () => options.context(req, { query, body, ...(caller ? { caller } : {}) }),
      });
      res.statusCode = result.status ?? 200;
      for (const [key, value] of result.headers) res.setHeader(key, value);
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return json(res, err.status, { errors: [{ message: err.message, ...(err.code ? { extensions: { code: err.code } } : {}) }] });
      console.error('http handler failed:', (err as Error).message);
      json(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };

  /** The gateway's signature on a service that takes only signed callers, from the headers alone; throws the 401. */
  function signedCaller(req: IncomingMessage, path: string): { caller: Caller; bodyHash: string } | undefined {
    if (!options.signedCallers) return undefined;
    const { secret, service } = options.signedCallers;
    const verified = verifyCaller(req.headers, secret, { method: req.method ?? 'GET', path, service });
    if (typeof verified === 'string') throw new HttpError(401, 'only the gateway may call a subgraph', 'UNAUTHENTICATED');
    return verified;
  }

  type Execute = (op: unknown, context: () => Promise<C>) => ReturnType<ApolloServer<C>['executeHTTPGraphQLRequest']>;
  async function batch(req: IncomingMessage, res: ServerResponse, ops: unknown[], execute: Execute, caller: Caller | undefined): Promise<void> {
    const reads = ops.every((op) => typeof (op as { query?: unknown })?.query === 'string' && isRead((op as { query: string }).query));
    if (!options.batches || !reads || ops.length < 1 || ops.length > MAX_BATCH) {
      return json(res, 400, { errors: [{ message: `a batch is 1 to ${MAX_BATCH} read operations, from the gateway`, extensions: { code: 'BAD_REQUEST' } }] });
    }
    // One context for the call, made when the first operation asks for it (an operation Apollo
    // refuses first never does); Apollo gives each operation a shallow copy of it (its own
    // refusals, the same EntityManager and loaders).
    let shared: Promise<C> | undefined;
    const query = (ops[0] as { query: string }).query;
    const results = await Promise.all(ops.map((op) => execute(op, () => (shared ??= options.context(req, { query, ...(caller ? { caller } : {}) })))));
    const failed = results.find((r) => (r.status ?? 200) !== 200);
    res.statusCode = failed?.status ?? 200;
    res.setHeader('content-type', 'application/json');
    res.end(`[${results.map((r) => (r.body.kind === 'complete' ? r.body.string : 'null')).join(',')}]`);
  }
}

const MAX_BATCH = 20;
/**
 * A document of reads only: it starts as a query and names no mutation or subscription
 * anywhere (a document may hold several operations). A field or text that happens to say
 * "mutation" only costs the batch: the gateway then sends its operations one by one.
 */
export const isRead = (document: string): boolean => /^(\s|#[^\n]*\n)*(query\b|\{)/.test(document) && !/\b(mutation|subscription)\b/.test(document);

async function open(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host: string): Promise<Server> {
  const server = createServer(handler);
  // Keep-alive between gateway and subgraphs only pays off if idle sockets outlive the
  // gateway's reuse window.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host = '127.0.0.1'): Promise<RunningHttp> {
  const first = await open(handler, port, host);
  const actual = (first.address() as AddressInfo).port;
  const running: RunningHttp = {
    server: first,
    port: actual,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        const server = running.server;
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after the grace period are cut.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
    reopen: async () => {
      running.server = await open(handler, actual, host);
    },
  };
  return running;
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop().then(
      () => process.exit(0),
      (err) => {
        console.error('stop failed:', (err as Error).message);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  // Started by `npm start` over an IPC channel: when the hub goes away (even killed hard), so does this.
  if (process.channel) process.once('disconnect', () => handler('supervisor gone'));
}
