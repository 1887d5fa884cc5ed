import { freePort } from '@fupin/postgres';
import { createServer, type Server } from 'node:http';
import { awaitReady, notReady } from '../src/readiness.js';

// What `npm start` waits on before it says the hub is ready: the gateway's /health/ready.
// Here a stand-in for the gateway answers as the real one does while a department's roster
// copy catches up (the real one is tested through `npm start` in start.test.ts and in
// test/roster-faults.test.ts).
let server: Server;
let url: string;
let behindFor = 0;
let asked = 0;

beforeAll(async () => {
  const port = await freePort();
  server = createServer((_req, res) => {
    asked++;
    const behind = asked <= behindFor;
    res.writeHead(behind ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: behind ? 'not ready' : 'ready', subgraphs: { households: 'ready', 'health-insurance': behind ? 'roster behind (CATCHING_UP)' : 'ready' } }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => (asked = 0));

test('waits while a department is behind and says what it waits for; ready once the gateway is', async () => {
  behindFor = 3;
  const said: string[] = [];
  const r = await awaitReady(url, 60_000, (line) => said.push(line), 0);
  expect(r.ready).toBe(true);
  expect(asked).toBe(4);
  expect(said).toHaveLength(3);
  expect(said[0]).toMatch(/^waiting for the hub to be ready \(\d+ s\): health-insurance roster behind \(CATCHING_UP\)$/);
});

test('gives up after its bound with what is not ready, for the banner to say', async () => {
  behindFor = Number.MAX_SAFE_INTEGER;
  const r = await awaitReady(url, 600, () => {});
  expect(r.ready).toBe(false);
  expect(asked).toBeGreaterThan(1);
  expect(notReady(r)).toBe('health-insurance roster behind (CATCHING_UP)');
});

test('a gateway that does not answer is not ready', async () => {
  const r = await awaitReady(`http://127.0.0.1:${await freePort()}`, 300, () => {});
  expect(r).toEqual({ ready: false, subgraphs: {} });
  expect(notReady(r)).toBe('the gateway does not answer');
});
