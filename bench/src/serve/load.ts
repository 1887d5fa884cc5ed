import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { endFloor, floorHouseholdView, floorPools, floorVillagePage, type FloorPools } from './floor.js';

// The load, from a process of its own (so its CPU is not the servers'): one client in a loop
// for latency, or ten at once for throughput, against a GraphQL URL or the raw-SQL floor.
//   node load.js < plan.json  (a LoadPlan)  → prints a LoadResult as JSON
export interface LoadPlan {
  mode: 'latency' | 'throughput';
  seconds: number;
  connections: number;
  /** A GraphQL endpoint; absent: the floor. */
  url?: string;
  query: 'view' | 'village';
  queryText: string;
  /** Variables of each request, taken in turn. */
  variables: Record<string, unknown>[];
  /** Bearer tokens, taken in turn: many callers, so the rate limit is not what is measured. */
  tokens: string[];
  /** The floor: each database's URL by subgraph name. */
  databases?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  p50?: number;
  p95?: number;
  p99?: number;
  rps?: number;
}

const plan = JSON.parse(readFileSync(0, 'utf8')) as LoadPlan;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

let pools: FloorPools | undefined;
let turn = 0;
const next = () => turn++;

async function floorOnce(i: number): Promise<void> {
  const v = plan.variables[i % plan.variables.length]!;
  if (plan.query === 'view') await floorHouseholdView(pools!, v.id as string, v.year as number);
  else await floorVillagePage(pools!, v.code as string, v.year as number);
}

const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
function httpOnce(i: number): Promise<void> {
  const body = JSON.stringify({ query: plan.queryText, variables: plan.variables[i % plan.variables.length] });
  return new Promise((resolve, reject) => {
    const req = httpRequest(plan.url!, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.tokens[i % plan.tokens.length]}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`${res.statusCode}: ${text.slice(0, 300)}`));
        else resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<LoadResult> {
  if (!plan.url) pools = floorPools((name) => plan.databases![name]!, plan.connections);
  const once = plan.url ? httpOnce : floorOnce;
  for (let i = 0; i < 20; i++) await once(next()); // warm: connections, plans, JIT
  const until = Date.now() + plan.seconds * 1000;
  let errors = 0;
  let firstError: string | undefined;
  if (plan.mode === 'latency') {
    const ms: number[] = [];
    while (Date.now() < until) {
      const t = performance.now();
      try {
        await once(next());
        ms.push(performance.now() - t);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
    ms.sort((a, b) => a - b);
    if (firstError) console.error(firstError);
    return { requests: ms.length, errors, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
  }
  if (plan.url) {
    // autocannon: its pipelined HTTP client costs the load process little per request.
    const bodies = plan.variables.map((variables) => JSON.stringify({ query: plan.queryText, variables }));
    const result = await autocannon({
      url: plan.url,
      connections: plan.connections,
      duration: plan.seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: Record<string, unknown>) => {
            const i = next();
            return { ...req, body: bodies[i % bodies.length], headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.tokens[i % plan.tokens.length]}` } };
          },
        },
      ],
    });
    return { requests: result.requests.total, errors: result.errors + result.non2xx, rps: result.requests.total / plan.seconds };
  }
  let done = 0;
  await Promise.all(
    Array.from({ length: plan.connections }, async () => {
      while (Date.now() < until) {
        await floorOnce(next()).then(
          () => done++,
          () => errors++,
        );
      }
    }),
  );
  return { requests: done, errors, rps: done / plan.seconds };
}

const result = await main();
if (pools) await endFloor(pools);
agent.destroy();
console.log(JSON.stringify(result));
