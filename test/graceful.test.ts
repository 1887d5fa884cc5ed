import { createServer } from 'node:http';
import { householdInEveryReplica, type SeededHousehold } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// Graceful shutdown: a subgraph told to stop takes no new request but lets the ones in flight
// finish with their answers (within its grace period), then closes.
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

beforeAll(async () => {
  hub = await startHub();
  h = await householdInEveryReplica(hub);
});
afterAll(() => hub?.stop());

test('a request in flight when the registry stops is answered; the next one is not taken', async () => {
  // The employment department answers the registry's coverage question only after 2 s: the
  // household view is in flight in the registry for that long.
  const employment = hub.subgraphs.employment!;
  await employment.http.close();
  let arrived!: () => void;
  const inRegistry = new Promise<void>((resolve) => (arrived = resolve));
  const slow = createServer((_req, res) => {
    arrived();
    setTimeout(() => res.end('{"parts":[]}'), 2000).unref();
  });
  await new Promise<void>((resolve) => slow.listen(employment.http.port, '127.0.0.1', resolve));
  const registry = hub.subgraphs.households!;
  try {
    const inFlight = hub.client.request<{ household: { id: string; coverage: { year: number } } }>(`query($id: ID!) { household(id: $id) { id coverage(year: 2020) { year } } }`, { id: h.id });
    // In flight in the registry once it asks employment (no fixed wait: a loaded machine may take longer to get there).
    await Promise.race([inRegistry, new Promise((_, reject) => setTimeout(() => reject(new Error('the household view never reached the registry’s coverage call')), 30_000).unref())]);
    const closing = registry.http.close();
    // Stopped taking connections: a new request to the registry finds nobody.
    await expect(fetch(`${registry.url}/health/live`)).rejects.toThrow();
    const answer = await inFlight;
    // Answered whole: the stand-in has no part for the household, which the answer says (and nothing else).
    expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.department])).toEqual([['household.coverage', 'DEPARTMENT_UNAVAILABLE', 'employment']]);
    expect(answer.data!.household).toEqual({ id: h.id, coverage: { year: 2020 } });
    await closing;
  } finally {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
    await employment.http.reopen();
    await registry.http.reopen();
  }
  expect((await hub.client.request(`query($id: ID!) { household(id: $id) { id } }`, { id: h.id })).errors).toBeUndefined();
});
