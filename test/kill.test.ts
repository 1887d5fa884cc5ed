import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PersonalDataCipher } from '@fupin/kit';
import { GraphQLClient, householdInEveryReplica, type SeededHousehold, signedFor } from '@fupin/kit/testing';
import { startHub } from './support/hub.js';
import { ownerQuery } from './support/owner.js';

// A department's process killed with SIGKILL while clerks write to it, then started again:
// every write it acknowledged is in its database, and it serves again. (PostgreSQL commits
// before the answer leaves; nothing acknowledged lives only in the process.)
const HEALTH_DIR = fileURLToPath(new URL('../subgraphs/health-insurance/', import.meta.url));
const MAIN = fileURLToPath(new URL('../subgraphs/kit/dist/src/server/main.js', import.meta.url));

let hub: Awaited<ReturnType<typeof startHub>>;
let h: SeededHousehold;

beforeAll(async () => {
  hub = await startHub();
  h = await householdInEveryReplica(hub);
});
afterAll(() => hub?.stop());

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The health-insurance subgraph as its own process, over the test hub's database, as `npm start -w` runs it alone. */
async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: HEALTH_DIR,
    env: {
      ...process.env,
      DATABASE_URL: hub.subgraphs['health-insurance']!.ownerUrl,
      ROSTER_SOURCE_URL: hub.subgraphs.households!.rosterReaderUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      FUPIN_GATEWAY_SECRET: hub.gatewaySecret,
      FUPIN_BLIND_INDEX_KEY: PersonalDataCipher.blindIndexKey(PersonalDataCipher.newKey()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const until = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return child;
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the subgraph process did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('SIGKILL under write load: every acknowledged claim is there after the restart, and the service writes again', async () => {
  const port = await freePort();
  let child = await startProcess(port);
  const url = `http://127.0.0.1:${port}/graphql`;
  const clerk = new GraphQLClient(url, {}, signedFor({ subject: 'clerk', role: 'ADMIN', regionCode: '000000000000' }, hub.gatewaySecret, url, 'health-insurance'));
  const CLAIM = `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`;
  const input = (n: number) => ({
    input: { memberId: h.members[n % h.members.length]!.id, date: '2021-05-01', hospital: '县医院', kind: 'OUTPATIENT', totalCost: `${100 + n}.00`, basicPaid: '0', criticalIllnessPaid: '0', supplementaryPaid: '0', assistancePaid: '0', oneStop: false },
  });
  const acknowledged: string[] = [];
  let failed = 0;
  let n = 0;
  // Eight clerks writing one claim after another until the process is gone.
  const clerks = Array.from({ length: 8 }, async () => {
    for (;;) {
      try {
        const res = await clerk.request<{ recordClaim: { id: string } }>(CLAIM, input(n++));
        if (res.data?.recordClaim) acknowledged.push(res.data.recordClaim.id);
        else failed++;
      } catch {
        return; // connection refused or reset: the process is gone
      }
    }
  });
  while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 10));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await Promise.all([clerks, exited].flat());
  expect(child.signalCode).toBe('SIGKILL');
  expect(failed).toBe(0);

  child = await startProcess(port);
  try {
    const rows = await ownerQuery<{ n: string }>(hub, 'health-insurance', 'select count(*) as n from medical_claim where id = any($1::uuid[])', [acknowledged]);
    expect(Number(rows[0]!.n)).toBe(acknowledged.length);
    const after = await clerk.request<{ recordClaim: { id: string } }>(CLAIM, input(n++));
    expect(after.errors).toBeUndefined();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}, 120_000);
