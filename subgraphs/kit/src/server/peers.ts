import type { Caller } from '../auth/caller.js';
import { signCaller } from '../auth/caller-headers.js';

/** Why another subgraph could not answer: down, slow, or an answer that is no answer. */
export class PeerUnavailable extends Error {
  constructor(
    readonly peer: string,
    readonly reason: string,
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
    if (!graphqlUrl) throw new PeerUnavailable(name, 'not configured');
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
      throw new PeerUnavailable(name, (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable');
    }
    if (!res.ok) {
      // A 503 says why (a department whose roster is behind); other failures stay unexplained.
      const said = res.status === 503 ? ((await res.json().catch(() => null)) as { error?: unknown } | null)?.error : undefined;
      if (said === undefined) await res.body?.cancel().catch(() => {});
      throw new PeerUnavailable(name, typeof said === 'string' ? said.slice(0, 200) : `answered ${res.status}`);
    }
    try {
      return (await res.json()) as T;
    } catch {
      throw new PeerUnavailable(name, 'answered with something that is not JSON');
    }
  }
}
