import { seedRegistry } from '@fupin/households';
import { parseArgs } from 'node:util';
import { databaseName, HUB_SUBGRAPHS, startHubForTool } from './hub.js';
import { hubSettings } from './settings.js';
import { databaseUrl } from '@fupin/postgres';
import { settingsOrExit } from '@fupin/kit';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20140101' },
    replace: { type: 'boolean', default: false },
  },
});
const households = Number(values.households);
const seed = Number(values.seed);
if (!Number.isInteger(households) || households < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run seed -- --households N --seed S [--replace]');
  process.exit(64);
}

const hub = await startHubForTool(settingsOrExit(() => hubSettings()));
try {
  const report = await seedRegistry(databaseUrl(hub.postgres.url, databaseName(HUB_SUBGRAPHS[0]!.def)), {
    piiKey: hub.keys.piiKey,
    households,
    seed,
    replace: values.replace,
    progress: true,
  });
  console.log(`${report.households} households, ${report.members} members, ${report.regions} regions in ${report.seconds.toFixed(1)} s (${Math.round(report.households / report.seconds)} households/s)`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await hub.stop();
}
