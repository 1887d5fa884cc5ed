import { createServer, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { householdInEveryReplica, meetExitStandard, type SeededHousehold, throughProcedure } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';

// One caller must not freeze the registry for everyone: while it sends a dashboard of every
// registry year and a flood of exits that wait on a department that never answers, a plain
// household read is still served at once. The exits wait on the department with no pooled
// connection and no transaction of the registry's held; the dashboard builds no figures.
let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

const YEARS = Array.from({ length: 14 }, (_, i) => 2014 + i);
const DASHBOARD = `query($code: ID!) { region(code: $code) { code ${YEARS.map((y) => `y${y}: fourZeros(year: ${y}) { households unsafeHousingHouseholds highMedicalBurdenHouseholds dropoutMembers zeroEmploymentHouseholds }`).join(' ')} } }`;
// An exit is judged on the departments' data when it is proposed.
const EXIT = `mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { id step } }`;
const READ = `query($id: ID!) { household(id: $id) { householdNumber status village { code } } }`;

beforeAll(async () => {
  hub = await startHub();
  h = await householdInEveryReplica(hub);
});
afterAll(() => hub?.stop());

test('a plain household read stays fast while one caller sends a 14-year dashboard and 11 exits waiting on a department that never answers', async () => {
  // The employment department, as the registry calls it for coverage: something that accepts and never replies.
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const real = hub.peers.employment!;
  hub.peers.employment = `http://127.0.0.1:${(silent.address() as { port: number }).port}${new URL(real).pathname}`;
  try {
    const village = (await hub.client.data<{ household: { village: { code: string } } }>(READ, { id: h.id })).household.village.code;
    const county = `${village.slice(0, 6)}000000`;
    // The caller keeps 11 exits in flight (each sent again once answered) beside one dashboard of every registry year.
    let flooding = true;
    const stream = (send: () => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>) => (async () => {
      const codes: unknown[] = [];
      while (flooding) codes.push(...((await send()).errors ?? []).map((e) => e.extensions?.code));
      return codes;
    })();
    const exits = Array.from({ length: 11 }, () => stream(() => hub.client.request(EXIT, { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } })));
    const dashboard = hub.client.request(DASHBOARD, { code: county });
    // Until the exits wait on the department (asked at once, answered never).
    await waitFor(() => sockets.size >= 10).catch((err) => {
      flooding = false;
      throw err;
    });
    const times: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        const read = await hub.client.data<{ household: { status: string } }>(READ, { id: h.id });
        times.push(performance.now() - started);
        expect(read.household.status).toBe('POOR');
      }
    } finally {
      flooding = false;
    }
    const median = [...times].sort((a, b) => a - b)[3]!;
    console.log(`household reads during the flood (ms): ${times.map((t) => t.toFixed(0)).join(' ')}; median ${median.toFixed(0)}`);
    expect(median).toBeLessThan(200);
    // No exit granted without the department; the dashboard refused for asking too many years at once.
    for (const codes of await Promise.all(exits)) {
      expect(codes).toContain('EXIT_STANDARD_NOT_MET');
      expect(codes.filter((c) => c !== 'EXIT_STANDARD_NOT_MET' && c !== 'DEPARTMENT_UNAVAILABLE')).toEqual([]);
    }
    expect((await dashboard).errors?.map((e) => e.extensions?.code)).toContain('QUERY_LIMIT_EXCEEDED');
    expect((await hub.client.data<{ household: { status: string } }>(READ, { id: h.id })).household.status).toBe('POOR');
  } finally {
    hub.peers.employment = real;
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
}, 120_000);

async function waitFor(condition: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the exits never reached the department');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('an exit judged while the household changed writes nothing: HOUSEHOLD_CHANGED, and the other change stands alone', async () => {
  const ready = await householdInEveryReplica(hub);
  await meetExitStandard(hub.client, ready);
  // Employment's coverage calls through a stand-in that holds the first one until released.
  const real = hub.peers.employment!;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  let first = true;
  const gate = createHttpServer(async (req, res) => {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
    if (first) {
      first = false;
      held++;
      await released;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]);
    const answer = await fetch(new URL(req.url!, real), { method: req.method!, headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  hub.peers.employment = `http://127.0.0.1:${(gate.address() as { port: number }).port}${new URL(real).pathname}`;
  try {
    const judgedFirst = hub.client.request<{ proposeStatusChange: { id: string } }>(EXIT, { input: { householdId: ready.id, toStatus: 'LIFTED', effectiveDate: '2020-12-20', reason: '达标' } });
    await waitFor(() => held === 1);
    // Meanwhile the county removes it (清退), which asks no department.
    expect((await throughProcedure(hub, ready.id, 'REMOVED', '2020-12-20', '识别错误')).household.status).toBe('REMOVED');
    release();
    const refused = await judgedFirst;
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['HOUSEHOLD_CHANGED', true]]);
    const history = await hub.client.data<{ household: { statusHistory: { status: string }[] } }>(`query($id: ID!) { household(id: $id) { statusHistory { status } } }`, { id: ready.id });
    expect(history.household.statusHistory.map((c) => c.status)).toEqual(['POOR', 'REMOVED']);
    // The removal's proposal is audited under its own id; the refused exit under the household's.
    const audited = await hub.subgraphs.households!.orm.em.fork().getConnection().execute(`select outcome, reason from audit_log where action = 'proposeStatusChange' and subject_id = ? order by id`, [ready.id]);
    expect(audited).toEqual([{ outcome: 'REFUSED', reason: 'HOUSEHOLD_CHANGED' }]);
  } finally {
    hub.peers.employment = real;
    release();
    gate.closeAllConnections();
    await new Promise((resolve) => gate.close(resolve));
  }
});
