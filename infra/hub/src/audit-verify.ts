import { connectDatabase, settingsOrExit, verifyAuditChain } from '@fupin/kit';
import { databaseUrl } from '@fupin/postgres';
import type { MikroORM } from '@mikro-orm/postgresql';
import { databaseName, startHubForTool } from './hub.js';
import { hubSettings } from './settings.js';

/** npm run audit:verify — recomputes every subgraph's audit chain; exit 1 when one is broken. */
const hub = await startHubForTool(settingsOrExit(() => hubSettings()));
let broken = false;
try {
  for (const { def } of hub.listed) {
    const orm = (await connectDatabase({ databaseUrl: databaseUrl(hub.postgres.url, databaseName(def)), entities: def.entities })) as MikroORM;
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
