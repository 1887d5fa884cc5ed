import { seedRegistry } from '@fupin/households';
import { onShutdown, settingsOrExit } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import { databaseName, HUB_SUBGRAPHS, startHubOrExit } from './hub.js';
import { hubSettings } from './settings.js';

const settings = settingsOrExit(() => hubSettings());

const hub = await startHubOrExit(settings);
onShutdown(hub.stop);

// The first start of an empty registry loads the demo county, so a newcomer can query at once.
const registry = hub.subgraphs.find((s) => s.name === 'households')!;
const [{ n }] = await registry.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from household');
if (Number(n) === 0 && settings.FUPIN_DEMO_HOUSEHOLDS > 0) {
  const report = await seedRegistry(databaseUrl(hub.postgres.url, databaseName(HUB_SUBGRAPHS[0]!.def)), {
    piiKey: hub.keys.piiKey,
    households: settings.FUPIN_DEMO_HOUSEHOLDS,
    seed: settings.FUPIN_DEMO_SEED,
  });
  console.log(`demo county loaded: ${report.households} households, ${report.members} members in ${report.seconds.toFixed(1)} s`);
}

console.log(`
Fupin Hub is running
  gateway   ${hub.gateway.graphqlUrl}  (GraphiQL: open it in a browser)
${hub.subgraphs.map((s) => `  ${s.name.padEnd(9)} ${s.graphqlUrl}`).join('\n')}
Every request needs a token (development tokens: npm run --silent token -- --role ADMIN --region 000000000000):
  TOKEN=$(npm run --silent token -- --role COUNTY_OFFICER --region 420115000000)
  curl -s ${hub.gateway.graphqlUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
       -d '{"query":"{ region(code: \\"420115000000\\") { name children { code name } } }"}'
In GraphiQL, put {"authorization": "Bearer <token>"} under Headers.
Ctrl-C stops everything.`);
