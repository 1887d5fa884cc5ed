/** What the gateway's /health/ready said: each subgraph `ready`, `unavailable` or `roster behind (<state>)`. */
export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, string>;
}

export async function readiness(gatewayUrl: string): Promise<Readiness> {
  try {
    const res = await fetch(new URL('/health/ready', gatewayUrl), { signal: AbortSignal.timeout(5000) });
    const body = (await res.json().catch(() => ({}))) as { subgraphs?: Record<string, string> };
    return { ready: res.ok, subgraphs: body.subgraphs ?? {} };
  } catch {
    return { ready: false, subgraphs: {} };
  }
}

/** The subgraphs that keep the hub from being ready, and why: `health-insurance roster behind (CATCHING_UP)`. */
export const notReady = (r: Readiness): string =>
  Object.entries(r.subgraphs)
    .filter(([, state]) => state !== 'ready')
    .map(([name, state]) => `${name} ${state}`)
    .join(', ') || 'the gateway does not answer';

/**
 * Waits until the gateway says every subgraph is ready — a department's roster copy current
 * included, which after a demo load or a bulk seed takes a while — for at most `timeoutMs`,
 * saying every `tellEveryMs` what it waits for. Resolves with the last answer either way.
 */
export async function awaitReady(gatewayUrl: string, timeoutMs: number, log: (line: string) => void, tellEveryMs = 15_000): Promise<Readiness> {
  const started = Date.now();
  let told = started;
  for (;;) {
    const r = await readiness(gatewayUrl);
    if (r.ready || Date.now() - started >= timeoutMs) return r;
    if (Date.now() - told >= tellEveryMs) {
      told = Date.now();
      log(`waiting for the hub to be ready (${Math.round((told - started) / 1000)} s): ${notReady(r)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
