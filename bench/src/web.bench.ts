import { hubSettings, REPO_ROOT } from '@fupin/hub';
import { devSigningKey, signToken } from '@fupin/kit';
import { freePort } from '@fupin/postgres';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { n, printTable } from './table.js';

const COUNTY = '420115000000';
const CHROMIUM = process.env.FUPIN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The caseworker's page: its bundle (web/dist, raw and gzip), and the time from opening
 * /app/#/household/<id> in a fresh browser (empty cache) to the household view on screen, on
 * the demo county of `npm start` (the hub started as `npm start` does, over its data folder;
 * the first start loads the demo county).   npm run bench -- web [--sizes 5]   (runs)
 */
export async function webBench(_pg: unknown, sizes: number[]): Promise<void> {
  const runs = sizes[0] ?? 5;
  const dist = join(REPO_ROOT, 'web/dist');
  const files = (await readdir(join(dist, 'assets'))).map((f) => join('assets', f)).concat('index.html');
  const sizesOf = await Promise.all(files.map(async (f) => ({ f, body: await readFile(join(dist, f)) })));
  printTable(
    "The caseworker's page: bundle (web/dist)",
    null,
    ['file', 'bytes', 'gzip bytes'],
    [...sizesOf.map(({ f, body }) => [f, n(body.length), n(gzipSync(body).length)]), ['total', n(sizesOf.reduce((s, x) => s + x.body.length, 0)), n(sizesOf.reduce((s, x) => s + gzipSync(x.body).length, 0))]],
  );

  // Free ports: another hub (npm start) may hold 4000 and 5433 on this machine.
  const port = await freePort();
  const pgPort = process.env.FUPIN_PG_PORT ?? String(await freePort());
  const hub = spawn(process.execPath, [join(REPO_ROOT, 'infra/hub/dist/src/start.js')], { env: { ...process.env, PORT: String(port), FUPIN_PG_PORT: pgPort }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      hub.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Fupin Hub is (ready|running)/.test(out)) resolve();
      });
      hub.on('exit', (code) => reject(new Error(`the hub ended (${code}) before it was ready:\n${out.slice(-2000)}`)));
    });
    const origin = `http://127.0.0.1:${port}`;
    const { key } = await devSigningKey(join(hubSettings().dataDir, 'keys'));
    const token = await signToken(key, { subject: 'bench-caseworker', role: 'CASEWORKER', regionCode: COUNTY }, '1h');
    const ask = async (query: string, variables: Record<string, unknown>) =>
      ((await (await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) })).json()) as { data: never }).data as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- shapes the queries state
    // A household of the demo county: the first village of the first township.
    const county = await ask('query($c: ID!) { region(code: $c) { children { code } } }', { c: COUNTY });
    const township = county.region.children[0].code as string;
    const villages = await ask('query($c: ID!) { region(code: $c) { children { code } } }', { c: township });
    const households = await ask('query($c: ID!) { region(code: $c) { households(first: 1) { nodes { id } } } }', { c: villages.region.children[0].code });
    const id = households.region.households.nodes[0].id as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    const session = { token, role: 'CASEWORKER', region: COUNTY, subject: 'bench-caseworker', expires: claims.exp };

    const browser = await chromium.launch({ executablePath: CHROMIUM });
    const times: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        // A fresh context each time: an empty cache, as on a caseworker's first visit.
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await context.addInitScript((s) => sessionStorage.setItem('fupin.session', s), JSON.stringify(session));
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${origin}/app/#/household/${id}`);
        await page.locator('.batch').first().waitFor({ timeout: 60_000 });
        await page.locator('.history li').first().waitFor({ timeout: 60_000 });
        times.push(performance.now() - started);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    times.sort((a, b) => a - b);
    printTable(
      `Time to the household view on the demo county (${runs} fresh browsers, 1366×768, Chromium from Debian)`,
      null,
      ['median ms', 'fastest ms', 'slowest ms'],
      [[n(times[Math.floor(times.length / 2)]!), n(times[0]!), n(times.at(-1)!)]],
    );
  } finally {
    hub.kill('SIGINT');
    await new Promise((resolve) => hub.once('exit', resolve));
  }
}
