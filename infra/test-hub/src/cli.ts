import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startTestHub } from './index.js';

// npm run test-hub -- --households 20 --seed 1
// For a consumer in another language: the test hub of `startTestHub`, described as one line of
// JSON on stdout (the URL, a token per role and per department, the URL that resets it), then
// running until SIGINT or SIGTERM. Progress and errors go to stderr, so stdout is only the JSON.
const usage = 'usage: npm run --silent test-hub -- [--households 20] [--seed 1]';
let values;
try {
  ({ values } = parseArgs({ options: { households: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' } } }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(64);
}
const households = Number(values.households);
const seed = Number(values.seed);
if (!Number.isInteger(households) || households < 1 || !Number.isInteger(seed)) {
  console.error(usage);
  process.exit(64);
}

// Stdout is the JSON alone: whatever the subgraphs log goes to stderr.
const print = (line: string) => process.stdout.write(`${line}\n`);
console.log = console.error;
console.info = console.error;
console.error(`starting a test hub: ${households} households, seed ${seed} …`);
const hub = await startTestHub({ households, seed });
// Long-lived tokens: a consumer's whole run uses the same ones.
const expiresIn = '12h';
const roles = ['ADMIN', 'COUNTY_OFFICER', 'CASEWORKER', 'AUDITOR'] as const;
const tokens = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await hub.token({ role, expiresIn })] as const)));
const departmentOfficers = Object.fromEntries(await Promise.all(hub.departments.map(async (department) => [department, await hub.token({ role: 'DEPARTMENT_OFFICER', department, expiresIn })] as const)));

// POST /reset puts the seeded county back (one at a time); the answer comes once it is done.
let resetting = Promise.resolve();
const control = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/reset') {
    res.writeHead(404).end();
    return;
  }
  resetting = resetting.then(
    () => hub.reset().then(() => void res.writeHead(204).end()),
  ).catch((err: Error) => void res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message));
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

print(
  JSON.stringify({
    url: hub.url,
    resetUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}/reset`,
    county: hub.county,
    villages: hub.villages,
    households,
    seed,
    tokens: { ...tokens, DEPARTMENT_OFFICER: departmentOfficers },
  }),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  control.close();
  await hub.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
