import { seedRegistry } from '@fupin/households';
import { households as registry } from '@fupin/households';
import { openDatabase, PersonalDataCipher } from '@fupin/kit';
import { dropDatabase, ensureDatabase, startPostgres } from '@fupin/postgres';
import { parseArgs } from 'node:util';

/**
 * Seed generator throughput: households and members per second at several scales, each
 * into a fresh, migrated registry database. Prints a table; asserts nothing.
 *   npm run bench -- seed [--sizes 10000,100000,1000000]
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { sizes: { type: 'string', default: '10000,100000' } } });
const which = positionals[0] ?? 'seed';
if (which !== 'seed') {
  console.error(`unknown benchmark "${which}"; known: seed`);
  process.exit(64);
}
const sizes = values.sizes.split(',').map(Number);
const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL });
const rows: string[][] = [];
try {
  for (const size of sizes) {
    const name = `bench_seed_${size}`;
    await dropDatabase(pg.url, name);
    const url = await ensureDatabase(pg.url, name);
    const orm = await openDatabase({ databaseUrl: url, entities: registry.entities, migrations: registry.migrations });
    await orm.close(true);
    const report = await seedRegistry(url, { households: size, seed: 1, progress: true, piiKey: PersonalDataCipher.newKey() });
    rows.push([size.toLocaleString('en'), report.members.toLocaleString('en'), report.seconds.toFixed(1), Math.round(size / report.seconds).toLocaleString('en'), Math.round(report.members / report.seconds).toLocaleString('en')]);
    await dropDatabase(pg.url, name);
  }
} finally {
  await pg.stop();
}
const head = ['households', 'members', 'seconds', 'households/s', 'members/s'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(`\nseed generator (${pg.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}, ${(await import('node:os')).cpus().length} cores)`);
console.log(fmt(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(fmt(r));
