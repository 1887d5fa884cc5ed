import { healthInsurance } from '@fupin/health-insurance';
import { generatedIdNumbers, households as registry, seedRegistry } from '@fupin/households';
import { awaitRosterCaughtUp, BlindIndex, makeIdNumber, PersonalDataCipher, startSubgraph } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { dropDatabase, ensureDatabase, type RunningPostgres } from '@fupin/postgres';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { n, printTable } from './table.js';

const HEADER = 'id_number,year,scheme,premium,subsidy,critical_illness_cover,supplementary_cover\n';

/** A county's enrollment list for a seeded registry: every member, plus the usual bad rows. */
async function writeList(file: string, households: number, seed: number, rows: number): Promise<number> {
  const out = createWriteStream(file);
  out.write(HEADER);
  let written = 0;
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  for (const id of generatedIdNumbers(households, seed)) {
    if (written >= rows) break;
    await write(`${id},2020,RESIDENT_BASIC,280,280,1,0\n`);
    written++;
    // 1% people the registry does not have, 0.5% broken numbers, 0.5% listed twice.
    if (written % 100 === 0) await write(`${makeIdNumber('110101', `19${String(10 + (written / 100) % 80)}-01-01`, Math.floor(written / 8000) % 1000)},2020,RESIDENT_BASIC,280,280,1,0\n`);
    if (written % 200 === 0) await write(`${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'},2020,RESIDENT_BASIC,280,280,1,0\n`);
    if (written % 200 === 100) await write(`${id},2020,RESIDENT_BASIC,280,280,1,0\n`);
  }
  await new Promise((r) => out.end(r));
  return written;
}

/**
 * Department import throughput (信息比对): a registry seeded to hold the list's people, a
 * health database subscribed to its roster, then the enrollment list imported for real.
 */
export async function importBench(pg: RunningPostgres, sizes: number[]): Promise<void> {
  const rows: string[][] = [];
  const dir = await mkdtemp(join(tmpdir(), 'fupin-bench-'));
  const piiKey = PersonalDataCipher.newKey();
  try {
    for (const size of sizes) {
      const households = Math.ceil(size / 2.9);
      const names = { registry: `bench_import_registry_${size}`, health: `bench_import_health_${size}` };
      await dropDatabase(pg.url, names.health);
      await dropDatabase(pg.url, names.registry);
      const registryUrl = await ensureDatabase(pg.url, names.registry);
      const healthUrl = await ensureDatabase(pg.url, names.health);
      // Migrated and subscribed exactly as the hub does it.
      const secret = randomBytes(32).toString('base64url');
      const reg = await startSubgraph(registry, { databaseUrl: registryUrl, port: 0, gatewaySecret: secret, piiKey });
      await reg.stop();
      await seedRegistry(registryUrl, { households, seed: 7, piiKey, progress: true });
      const dept = await startSubgraph(healthInsurance, { databaseUrl: healthUrl, port: 0, gatewaySecret: secret, blindIndexKey: PersonalDataCipher.blindIndexKey(piiKey), roster: { sourceUrl: registryUrl } });
      await dept.stop();
      await awaitRosterCaughtUp(healthUrl, registryUrl);
      const file = join(dir, `enrollments-${size}.csv`);
      await writeList(file, households, 7, size);
      const report = await runDepartmentImport((await healthInsurance.imports!()).enrollments!, 'enrollments', {
        databaseUrl: healthUrl,
        blindIndex: new BlindIndex(PersonalDataCipher.blindIndexKey(piiKey)),
        file,
        actor: { subject: 'bench', role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: 'HEALTH_INSURANCE' },
        progress: true,
      });
      rows.push([n(report.rows), n(report.matched), n(report.notInRegistry), n(report.invalidIdNumber), n(report.duplicated), report.seconds.toFixed(1), n(report.rows / report.seconds)]);
      await dropDatabase(pg.url, names.health);
      await dropDatabase(pg.url, names.registry);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  printTable('department import (enrollments, one transaction, report written)', pg.embedded, ['rows', 'matched', 'not in registry', 'invalid ID', 'duplicated', 'seconds', 'rows/s'], rows);
}
