import { onShutdown, settingsOrExit } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import pg from 'pg';
import { loadDemo } from './demo.js';
import { databaseName, startHubOrExit } from './hub.js';
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
      log: (line) => console.log(`demo data: ${line}`),
    });
  } catch (err) {
    console.error(`demo data not loaded: ${(err as Error).message}`);
  }
}

console.log(`
Fupin Hub is running
  gateway          ${hub.gateway.graphqlUrl}  (GraphiQL: open it in a browser)
${hub.subgraphs.map((s) => `  ${s.name.padEnd(16)} ${s.graphqlUrl}`).join('\n')}
Every request needs a token (development tokens: npm run --silent token -- --role ADMIN --region 000000000000):
  TOKEN=$(npm run --silent token -- --role COUNTY_OFFICER --region 420115000000)
  curl -s ${hub.gateway.graphqlUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
       -d '{"query":"{ region(code: \\"420115000000\\") { name children { code name } } }"}'
In GraphiQL, put {"authorization": "Bearer <token>"} under Headers.
Ctrl-C stops everything.`);
