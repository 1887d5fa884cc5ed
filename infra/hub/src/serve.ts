import { onShutdown, settingsOrExit } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import pg from 'pg';
import { loadDemo } from './demo.js';
import { databaseName, startHubOrExit } from './hub.js';
import { awaitReady, notReady, readiness } from './readiness.js';
import { hubSettings } from './settings.js';

const settings = settingsOrExit(() => hubSettings());

const hub = await startHubOrExit(settings);
onShutdown(hub.stop);

// The first start of an empty registry loads the demo county, so a newcomer can query at once.
const registryDatabase = databaseUrl(hub.postgres.url, databaseName(hub.listed.find((s) => s.def.publishesRoster)!.def));
const registry = new pg.Client({ connectionString: registryDatabase });
await registry.connect();
const [{ n }] = (await registry.query<{ n: string }>('select count(*) as n from household')).rows as [{ n: string }];
await registry.end();
// Departments added since get their demo records once, over the registry that is there.
if (settings.FUPIN_DEMO_HOUSEHOLDS > 0) {
  try {
    await loadDemo({
      listed: hub.listed,
      databaseUrl: (def) => databaseUrl(hub.postgres.url, databaseName(def)),
      piiKey: hub.keys.piiKey,
      seed: settings.FUPIN_DEMO_SEED,
      households: Number(n) === 0 ? settings.FUPIN_DEMO_HOUSEHOLDS : 0,
      onlyUnusedDepartments: true,
      applyWaitMs: settings.FUPIN_READY_WAIT_MS,
      log: (line) => console.log(`demo data: ${line}`),
    });
  } catch (err) {
    console.error(`demo data not loaded: ${(err as Error).message}`);
  }
}

// Ready only once every department's roster copy is current (the demo load puts them behind):
// before that, answers that need a department carry DEPARTMENT_UNAVAILABLE.
const waitedFrom = Date.now();
const ready = await awaitReady(hub.gateway.url, settings.FUPIN_READY_WAIT_MS, (line) => console.log(line));
const state = ready.ready
  ? 'Fupin Hub is ready'
  : `Fupin Hub is running, but NOT READY after ${Math.round(settings.FUPIN_READY_WAIT_MS / 1000)} s (FUPIN_READY_WAIT_MS): ${notReady(ready)}.
Until it is, answers that need those departments leave their part null and say so in errors
(DEPARTMENT_UNAVAILABLE); ${hub.gateway.url}/health/ready answers 200 once it is, and this log says so.`;
const sayWhenReady = (): void => {
  setTimeout(async () => {
    if ((await readiness(hub.gateway.url)).ready) console.log(`Fupin Hub is ready (after ${Math.round((Date.now() - waitedFrom) / 1000)} s)`);
    else sayWhenReady();
  }, 2000).unref();
};
if (!ready.ready) sayWhenReady();

console.log(`
${state}
  gateway          ${hub.gateway.graphqlUrl}  (GraphiQL: open it in a browser)
  caseworker page  ${hub.gateway.url}/app/  (sign in with a role and region in development)
${hub.subgraphs.map((s) => `  ${s.name.padEnd(16)} ${s.graphqlUrl}`).join('\n')}
Every request needs a token (development tokens: npm run --silent token -- --role ADMIN --region 000000000000):
  TOKEN=$(npm run --silent token -- --role COUNTY_OFFICER --region 420115000000)
  curl -s ${hub.gateway.graphqlUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
       -d '{"query":"{ region(code: \\"420115000000\\") { name children { code name } } }"}'
In GraphiQL, sign in with the bar at the top (development), or put {"authorization": "Bearer <token>"} under Headers.
Ctrl-C stops everything.`);
export { hub };
