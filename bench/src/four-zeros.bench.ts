import { databaseName, hubSettings, REPO_ROOT, startHub } from '@fupin/hub';
import { devSigningKey, signToken } from '@fupin/kit';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { n, printTable } from './table.js';

const YEAR = 2020;
const PROVINCE = '420000000000';
const QUERY = `query RegionFourZeros($code: ID!, $year: Int!) {
  region(code: $code) { code name
    fourZeros(year: $year) { unsafeHousingHouseholds highMedicalBurdenHouseholds dropoutMembers zeroEmploymentHouseholds }
    children { code name fourZeros(year: $year) { unsafeHousingHouseholds dropoutMembers } } } }`;

/** The floor: a plain count(*) over each department's own table for the year, no rule, no roster. */
const FLOOR: Record<string, string> = {
  'health-insurance': `select count(*) from medical_claim where date between '${YEAR}-01-01' and '${YEAR}-12-31'`,
  'education-aid': `select count(*) from schooling where year = ${YEAR}`,
  'housing-repair': `select count(*) from appraisal`,
  employment: `select count(*) from employment where year = ${YEAR}`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * RegionFourZeros for the province of a seeded hub (`--sizes` households; seeded with every
 * department unless the registry already has that many), through the gateway as `npm start`
 * serves it, against a plain count(*) over each department's own table. Prints a table.
 */
export async function fourZerosBench(_pg: unknown, sizes: number[]): Promise<void> {
  const households = sizes[0]!;
  const settings = hubSettings();
  const registryUrl = (url: string) => url.replace(/\/[^/]*$/, '/fupin_households');
  let hub = await startHub(settings, () => {});
  const registry = new pg.Client({ connectionString: registryUrl(hub.postgres.url) });
  await registry.connect();
  const have = Number((await registry.query('select count(*) as n from household')).rows[0].n);
  await registry.end();
  if (have !== households) {
    await hub.stop();
    console.log(`seeding ${n(households)} households with every department (registry has ${n(have)})…`);
    const seeded = spawnSync(process.execPath, [join(REPO_ROOT, 'infra/hub/dist/src/seed.js'), '--households', String(households), '--seed', '7', '--replace'], { stdio: 'inherit', env: process.env });
    if (seeded.status !== 0) throw new Error('seed failed');
    hub = await startHub(settings, () => {});
  }
  try {
    // The departments count over their roster replicas: wait until each has caught up.
    const clients = Object.fromEntries(
      await Promise.all(
        hub.listed.filter((s) => s.def.roster).map(async (s) => {
          const c = new pg.Client({ connectionString: hub.postgres.url.replace(/\/[^/]*$/, `/${databaseName(s.def)}`) });
          await c.connect();
          return [s.name, c] as const;
        }),
      ),
    );
    // A replica applying a million rows may keep a count waiting; an error is asked again.
    for (const c of Object.values(clients)) c.on('error', () => {});
    const members = async (c: pg.Client) => Number((await c.query('select count(*) as n from roster').catch(() => ({ rows: [{ n: -1 }] }))).rows[0].n);
    const target = await (async () => {
      const c = new pg.Client({ connectionString: registryUrl(hub.postgres.url) });
      await c.connect();
      const m = Number((await c.query('select count(*) as n from member')).rows[0].n);
      await c.end();
      return m;
    })();
    for (;;) {
      const counts = await Promise.all(Object.values(clients).map(members));
      if (counts.every((c) => c === target)) break;
      console.log(`waiting for the roster replicas: ${counts.map(n).join(', ')} of ${n(target)} members`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
    // The figures the hub built at start are dropped, so that the first ask measures their build.
    await Promise.all(hub.subgraphs.map((s) => s.warmed));
    for (const c of Object.values(clients)) await c.query('truncate four_zeros_figure, four_zeros_year, four_zeros_stale');
    const figures = new pg.Client({ connectionString: registryUrl(hub.postgres.url) });
    await figures.connect();
    await figures.query('truncate village_figure_year, village_figure_stale, village_figure');
    await figures.end();
    const { key } = await devSigningKey(join(settings.dataDir, 'keys'));
    const token = await signToken(key, { subject: 'bench', role: 'COUNTY_OFFICER', regionCode: PROVINCE }, '1h');
    const gateway = `http://127.0.0.1:${settings.PORT}/graphql`;
    let answer: { data: { region: { children: unknown[]; fourZeros: Record<string, number | null> } | null }; errors?: unknown } | undefined;
    let errors = 0;
    const ask = async () => {
      const res = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables: { code: PROVINCE, year: YEAR } }) });
      answer = (await res.json()) as typeof answer;
      // Partial answers are measured as they come: a count that did not arrive is null in the table's title.
      errors = Array.isArray(answer!.errors) ? answer!.errors.length : 0;
    };
    // The first ask of a year answers FIGURES_NOT_READY and lists the year for upkeep, which
    // builds it in the background (the rules over every household, once per year and rule);
    // asked again every second until every count is there.
    const firstStarted = performance.now();
    let firstAsks = 0;
    do {
      await ask();
      firstAsks++;
      if (errors) await new Promise((r) => setTimeout(r, 1000));
    } while (errors && performance.now() - firstStarted < 600_000);
    const firstMs = performance.now() - firstStarted;
    const hubMs = await timed(ask, 5);
    const rows: string[][] = [];
    let floorTotal = 0;
    for (const [name, sql] of Object.entries(FLOOR)) {
      const ms = await timed(() => clients[name]!.query(sql), 5);
      floorTotal += ms;
      rows.push([`count(*) ${name}`, ms.toFixed(1), '']);
    }
    rows.push([`first ask of the year: its figures built (${firstAsks} asks)`, firstMs.toFixed(1), '']);
    rows.push([`RegionFourZeros (province + ${answer!.data.region?.children.length ?? 0} cities), through the gateway${errors ? `, ${errors} errors` : ''}`, hubMs.toFixed(1), `${(hubMs / floorTotal).toFixed(1)}× the four counts`]);
    const z = answer!.data.region?.fourZeros ?? null;
    printTable(`four zeros at ${n(households)} households (${n(target)} members): ${JSON.stringify(z)}`, hub.postgres.embedded, ['query', 'p50 ms', 'ratio'], rows);
    await Promise.all(Object.values(clients).map((c) => c.end()));
  } finally {
    await hub.stop().catch(() => {});
  }
}
