import { startPostgres } from '@fupin/postgres';
import { parseArgs } from 'node:util';
import { armorBench } from './armor.bench.js';
import { fourZerosBench } from './four-zeros.bench.js';
import { importBench } from './import.bench.js';
import { seedBench } from './seed.bench.js';
import { serveBench } from './serve.bench.js';
import { webBench } from './web.bench.js';

/**
 * Benchmarks print a table and assert nothing.
 *   npm run bench -- seed [--sizes 10000,100000,1000000]     households per second of the seed generator
 *   npm run bench -- import [--sizes 100000,1000000]          rows per second of a department import
 *   npm run bench -- four-zeros [--sizes 1000000]             RegionFourZeros of a province (seeds the hub's data folder first)
 *   npm run bench -- armor [--sizes 200]                     the gateway's screen on a fragment bomb and others: ms per document (no database)
 *   npm run bench -- web [--sizes 5]                        the caseworker's page: bundle size, time to the household view on the demo county (fresh browsers)
 *   npm run bench [-- serve] [--sizes 2000,10000,1000000]     HouseholdView and a village page: floor, hub, Hive Gateway, @apollo/gateway
 */
const BENCHES = { serve: { run: serveBench, sizes: '2000', ownHub: true }, seed: { run: seedBench, sizes: '10000,100000' }, import: { run: importBench, sizes: '100000,1000000' }, 'four-zeros': { run: fourZerosBench, sizes: '1000000', ownHub: true }, armor: { run: armorBench, sizes: '200', ownHub: true }, web: { run: webBench, sizes: '5', ownHub: true } };
const { values, positionals } = parseArgs({ allowPositionals: true, options: { sizes: { type: 'string' } } });
const which = (positionals[0] ?? 'serve') as keyof typeof BENCHES;
const bench = BENCHES[which];
if (!bench) {
  console.error(`unknown benchmark "${which}"; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(64);
}
const sizes = (values.sizes ?? bench.sizes).split(',').map(Number);
if ('ownHub' in bench) {
  // It starts the hub itself, over the hub's own data folder (or DATABASE_URL), or needs no database.
  await bench.run(null, sizes);
} else {
  const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL });
  try {
    await bench.run(pg, sizes);
  } finally {
    await pg.stop();
  }
}
