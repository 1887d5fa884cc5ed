/** A subgraph call as the fetcher makes it: the body is the JSON text Apollo's data source built. */
export type Init = { method?: string; headers: Record<string, string>; body?: string };
export type Send = (url: string, init: Init) => Promise<Response>;

interface Queued {
  init: Init;
  resolve: (r: Response) => void;
  reject: (err: unknown) => void;
}

// A read the data source built: `{"query":"query ...` or `{"query":"{ ...`, naming no mutation
// (the subgraph checks the same; a variable that says "mutation" only goes unbatched).
export const isReadBody = (body: string) => /^\{"query":"(query\b|\{)/.test(body) && !/\b(mutation|subscription)\b/.test(body);

/** Carries which client request a subgraph call is for, from `willSendRequest` to the fetcher; never sent on. */
export const BATCH_HEADER = 'x-fupin-batch';
/** What a subgraph takes in one call (kit http). */
export const MAX_BATCH = 20;
let requestsSeen = 0;
const batchKeys = new WeakMap<object, string>();
/** A key of the gateway's own per client request (never the client's request id): only its reads share a call. */
export const batchKeyOf = (context: object) => {
  let key = batchKeys.get(context);
  if (!key) batchKeys.set(context, (key = String(++requestsSeen)));
  return key;
};

/**
 * Reads of one client request to the same subgraph, asked in the same turn (the parallel
 * branches of a plan: a department's fields of the members and of the household), go as one
 * POST with a JSON array of operations: one call, and on the subgraph one context whose reads
 * go to PostgreSQL together (kit http). An answer that is no array of as many answers, or a
 * 400 or 413, sends each on its own; a call that fails fails each of its reads.
 */
export function batchingReads(send: Send): Send {
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
        if (queues.get(key) === started) queues.delete(key);
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
