import { type Caller, signCaller } from '@fupin/kit';
import { Agent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { batchingReads, type Init, isReadBody } from './batching.js';

/** Why a subgraph gave no usable answer; a client may try again later for each. */
export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE' | 'FAILED' | 'BAD_RESPONSE';

/** Raised inside a fetch, turned into the client's DEPARTMENT_UNAVAILABLE by the data source. */
export class Unavailable extends Error {
  constructor(
    readonly reason: UnavailableReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** Carries a request's deadline from `willSendRequest` to the fetcher; never sent on. */
export const DEADLINE_HEADER = 'x-fupin-deadline';
/** Carries the verified caller from `willSendRequest` to the fetcher, which signs it for the call it makes; never sent on. */
export const SIGN_AS_HEADER = 'x-fupin-sign-as';

/** Reads reuse their sockets (the subgraphs keep idle ones 65 s). */
const readAgent = new Agent({ keepAlive: true, maxSockets: 256 });
const tlsReadAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });
/**
 * A write goes on a connection of its own: a kept-alive socket the subgraph closed while idle
 * fails only after the request was written, and a write is never sent twice.
 */
const writeAgent = new Agent({ keepAlive: false, maxSockets: 256 });
const tlsWriteAgent = new HttpsAgent({ keepAlive: false, maxSockets: 256 });

/** 204 and 304 carry no body, 1xx is no final answer, and a status past 599 is no HTTP status. */
const isAnswerStatus = (status: number) => status >= 200 && status <= 599 && status !== 204 && status !== 304;

export interface SubgraphClientOptions {
  /** The subgraph's name, and the secret the gateway signs its callers with (kit caller-headers). */
  service: string;
  secret: string;
  /** A call that takes longer fails (and never past the request's own deadline). */
  timeoutMs: number;
  /** An answer larger than this is cut off: BAD_RESPONSE. */
  maxResponseBytes: number;
}

/**
 * The subgraph call itself, on node:http: one write of a body whose length is known. (Node's
 * fetch streams every body through an async iterator, which cost the gateway a quarter of its
 * CPU in socket writes.) Each call gets its own deadline, cut to what is left of the request's.
 * Whatever the subgraph does — a status that is no answer, a body without end, a reset — the
 * call fails with a reason and never throws outside its promise.
 */
export function subgraphFetcher(options: SubgraphClientOptions): typeof fetch {
  const send = (url: string, init: Init, fresh: boolean): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const { [DEADLINE_HEADER]: deadline, [SIGN_AS_HEADER]: signAs, ...headers } = init.headers;
      const left = deadline ? Number(deadline) - Date.now() : options.timeoutMs;
      const body = init.body ?? '';
      const method = init.method ?? 'POST';
      if (signAs) Object.assign(headers, signCaller(JSON.parse(signAs) as Caller, options.secret, { method, path: new URL(url).pathname, service: options.service, body }));
      const read = isReadBody(body) || body.startsWith('[');
      const tls = url.startsWith('https:');
      const agent = tls ? (read ? tlsReadAgent : tlsWriteAgent) : read ? readAgent : writeAgent;
      let answered = false;
      const req = (tls ? httpsRequest : httpRequest)(url, { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        // Failed first, then the connection dropped without an error of its own: no emitter is left with an unheard error.
        const refuse = (detail: string) => (fail(new Unavailable('BAD_RESPONSE', detail)), res.destroy(), req.destroy());
        if (!isAnswerStatus(status)) return refuse(`answered ${status}`);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxResponseBytes) refuse(`an answer over ${options.maxResponseBytes} bytes`);
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' }));
        });
        res.on('end', () => {
          clearTimeout(timer);
          const pairs = Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
          try {
            resolve(new Response(Buffer.concat(chunks), { status, headers: pairs }));
          } catch (err) {
            reject(new Unavailable('BAD_RESPONSE', (err as Error).message));
          }
        });
      });
      function fail(err: Error & { code?: string }) {
        clearTimeout(timer);
        // A kept-alive socket the subgraph had closed while idle: the read never reached it, so
        // it goes once more on a new socket (Node's documented remedy). Writes are on sockets of
        // their own and never sent again.
        if (read && !fresh && !answered && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) resolve(send(url, init, true));
        else reject(err);
      }
      const wait = Math.max(0, Math.min(options.timeoutMs, left));
      const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${Math.round(wait)} ms`), { name: 'TimeoutError' })), wait);
      req.on('error', fail);
      req.end(body);
    });
  return batchingReads((url: string, init: Init) => send(url, init, false)) as unknown as typeof fetch;
}
