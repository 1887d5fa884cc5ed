import { households as registry, seedRegistry } from '@fupin/households';
import { openDatabase, PersonalDataCipher } from '@fupin/kit';
import { dropDatabase, ensureDatabase, type RunningPostgres } from '@fupin/postgres';
import { n, printTable } from './table.js';

/** Seed generator throughput: households and members per second, each size into a fresh, migrated registry. */
export async function seedBench(pg: RunningPostgres, sizes: number[]): Promise<void> {
  const rows: string[][] = [];
  for (const size of sizes) {
    const name = `bench_seed_${size}`;
    await dropDatabase(pg.url, name);
    const url = await ensureDatabase(pg.url, name);
    const orm = await openDatabase({ databaseUrl: url, entities: registry.entities, migrations: registry.migrations });
    await orm.close(true);
    const report = await seedRegistry(url, { households: size, seed: 1, progress: true, piiKey: PersonalDataCipher.newKey() });
    rows.push([n(size), n(report.members), report.seconds.toFixed(1), n(size / report.seconds), n(report.members / report.seconds)]);
    await dropDatabase(pg.url, name);
  }
  printTable('seed generator', pg.embedded, ['households', 'members', 'seconds', 'households/s', 'members/s'], rows);
}
