import { openDatabase, settingsOrExit, verifyAuditChain, AUDIT_MIGRATION } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import type { MikroORM } from '@mikro-orm/postgresql';
import { databaseName, HUB_SUBGRAPHS, startHub } from './hub.js';
import { hubSettings } from './settings.js';

/** npm run audit:verify — recomputes every subgraph's audit chain; exit 1 when one is broken. */
const settings = settingsOrExit(() => hubSettings({ ...process.env, FUPIN_DEMO_HOUSEHOLDS: '0' }));
const hub = await startHub({ ...settings, PORT: 0, HOUSEHOLDS_PORT: 0 }, () => {});
let broken = false;
try {
  for (const { def } of HUB_SUBGRAPHS) {
    const orm = (await openDatabase({ databaseUrl: databaseUrl(hub.postgres.url, databaseName(def)), entities: def.entities, migrations: [AUDIT_MIGRATION, ...def.migrations] })) as MikroORM;
    try {
      const report = await verifyAuditChain(orm.em.fork());
      broken ||= report.brokenAt !== null;
      console.log(`${def.name}: ${report.rows} rows ${report.brokenAt === null ? 'verify' : `verify, then row ${report.brokenAt} breaks the chain`}`);
    } finally {
      await orm.close(true);
    }
  }
} finally {
  await hub.stop();
}
process.exitCode = broken ? 1 : 0;
