import { settingsOrExit } from '@fupin/kit';
import { parseArgs } from 'node:util';
import { loadDemo } from './demo.js';
import { startHubForTool } from './hub.js';
import { hubSettings } from './settings.js';

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
  await loadDemo({ listed: hub.listed, databaseUrl: hub.databaseUrl, piiKey: hub.keys.piiKey, households, seed, replace: values.replace, progress: true, log: console.log });
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await hub.stop();
}
