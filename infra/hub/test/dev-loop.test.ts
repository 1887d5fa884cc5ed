import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DevLoop, ownerOf, startDevLoop } from '../src/dev-loop.js';

// `npm run dev` over a folder of its own: a saved source file of one subgraph rebuilds that
// subgraph, recomposes, restarts it alone and reloads the gateway; the kit's restarts them all;
// code that does not build restarts nothing.
let root: string;
let loop: DevLoop | undefined;
let calls: string[];
let failBuildOf: string | undefined;

const NAMES = ['households', 'health-insurance', 'employment'];

async function start() {
  calls = [];
  loop = startDevLoop({
    root,
    names: NAMES,
    rebuild: async (name) => {
      calls.push(`rebuild ${name}`);
      if (name === failBuildOf) throw new Error(`${name}: src/broken.ts(1,1): error TS1005`);
    },
    recompose: async () => void calls.push('recompose'),
    restart: async (name) => void calls.push(`restart ${name}`),
    reloadGateway: async () => void calls.push('reload gateway'),
    log: () => {},
    debounceMs: 50,
  });
  // fs.watch is armed when it returns; a beat for the kernel's watches to be in place.
  await new Promise((r) => setTimeout(r, 100));
}

/** Waits until the loop has acted on the change (or 5 s). */
async function settled(expected: number) {
  const until = Date.now() + 5000;
  while (calls.length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  await loop!.idle();
  // Nothing more comes of it.
  await new Promise((r) => setTimeout(r, 150));
  await loop!.idle();
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fupin-dev-'));
  for (const name of [...NAMES, 'kit']) await mkdir(join(root, 'subgraphs', name, 'src', 'member'), { recursive: true });
  await mkdir(join(root, 'subgraphs', 'employment', 'migrations'), { recursive: true });
  await mkdir(join(root, 'subgraphs', 'employment', 'test'), { recursive: true });
  failBuildOf = undefined;
});
afterEach(async () => {
  loop?.close();
  await rm(root, { recursive: true, force: true });
});

test('a changed source of one subgraph rebuilds it, recomposes, restarts it alone and reloads the gateway', async () => {
  await start();
  await writeFile(join(root, 'subgraphs/health-insurance/src/member/member.resolver.ts'), 'export {};\n');
  await settled(4);
  expect(calls).toEqual(['rebuild health-insurance', 'recompose', 'restart health-insurance', 'reload gateway']);
});

test('several saves close together are one round; a migration counts, a test file does not', async () => {
  await start();
  await writeFile(join(root, 'subgraphs/employment/test/x.test.ts'), 'export {};\n');
  await writeFile(join(root, 'subgraphs/employment/migrations/Migration1.ts'), 'export {};\n');
  await writeFile(join(root, 'subgraphs/households/src/a.ts'), 'export {};\n');
  await settled(6);
  expect(calls).toEqual(['rebuild households', 'rebuild employment', 'recompose', 'restart households', 'restart employment', 'reload gateway']);
});

test("a change to the kit rebuilds it and every subgraph, and restarts them all in start order", async () => {
  await start();
  await writeFile(join(root, 'subgraphs/kit/src/x.ts'), 'export {};\n');
  await settled(9);
  expect(calls).toEqual(['rebuild kit', ...NAMES.map((n) => `rebuild ${n}`), 'recompose', ...NAMES.map((n) => `restart ${n}`), 'reload gateway']);
});

test('code that does not build restarts nothing: the running version stays', async () => {
  failBuildOf = 'employment';
  await start();
  await writeFile(join(root, 'subgraphs/employment/src/broken.ts'), 'export const = ;\n');
  await settled(1);
  expect(calls).toEqual(['rebuild employment']);
});

test('which subgraph a path belongs to', () => {
  expect(ownerOf('/r', '/r/subgraphs/employment/src/x/y.ts', NAMES)).toBe('employment');
  expect(ownerOf('/r', '/r/subgraphs/kit/src/auth/caller.ts', NAMES)).toBe('kit');
  expect(ownerOf('/r', '/r/subgraphs/kit/test/x.test.ts', NAMES)).toBeUndefined();
  expect(ownerOf('/r', '/r/subgraphs/not-listed/src/x.ts', NAMES)).toBeUndefined();
  expect(ownerOf('/r', '/r/gateway/src/x.ts', NAMES)).toBeUndefined();
});
