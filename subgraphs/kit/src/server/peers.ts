import type { Caller } from '../auth/caller.js';
import { signCaller } from '../auth/caller-headers.js';
import type { UnavailableReason } from '../graphql/partial-answers.js';

/** Why another subgraph could not answer: down, slow, its roster behind, or an answer that is no answer. */
export class PeerUnavailable extends Error {
  constructor(
    readonly peer: string,
    /** In words, for a person. */
    readonly reason: string,
    /** For a client: the gateway's reasons for a department it could not reach. */
    readonly code: UnavailableReason,
  ) {
    super(`${peer}: ${reason}`);
  }
}

/**
 * Calls from one subgraph to another inside the hub (the registry asking each department for
 * its part of a household's coverage), signed for the same caller the way the gateway signs,
 * so the department checks and audits the request as it would the gateway's.
 */
export class Peers {
  constructor(
    /** Subgraph name → its GraphQL URL; filled as the hub starts them. */
    private readonly urls: Readonly<Record<string, string>>,
    private readonly gatewaySecret: string,
  ) {}

  has(name: string): boolean {
    return this.urls[name] !== undefined;
  }

  async post<T>(name: string, path: string, caller: Caller, body: unknown, timeoutMs: number): Promise<T> {
    const graphqlUrl = this.urls[name];
    if (!graphqlUrl) throw new PeerUnavailable(name, 'not configured', 'UNREACHABLE');
    let res: Response;
    const url = new URL(path, graphqlUrl);
    const text = JSON.stringify(body);
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signCaller(caller, this.gatewaySecret, { method: 'POST', path: url.pathname, service: name, body: text }) },
        body: text,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new PeerUnavailable(name, timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable', timedOut ? 'TIMEOUT' : 'UNREACHABLE');
    }
    if (!res.ok) {
      // A 503 says why (a department whose roster is behind); other failures stay unexplained.
      const said = res.status === 503 ? ((await res.json().catch(() => null)) as { error?: unknown; code?: unknown } | null) : null;
      if (!said) await res.body?.cancel().catch(() => {});
      const code = said?.code === 'ROSTER_BEHIND' ? 'ROSTER_BEHIND' : res.status >= 502 && res.status <= 504 ? 'UNREACHABLE' : 'FAILED';
      throw new PeerUnavailable(name, typeof said?.error === 'string' ? said.error.slice(0, 200) : `answered ${res.status}`, code);
    }
    try {
      return (await res.json()) as T;
    } catch {
      throw new PeerUnavailable(name, 'answered with something that is not JSON', 'BAD_RESPONSE');
    }
  }
}
