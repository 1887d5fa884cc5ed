import { PersonalDataCipher, runDepartmentImport, settingsOrExit } from '@fupin/kit';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HUB_SUBGRAPHS, startHubForTool } from './hub.js';
import { hubSettings } from './settings.js';

const USAGE = `usage: npm run import -- <subgraph> <list> <file.csv> [--dry-run] [--report path] [--actor name]
lists: ${HUB_SUBGRAPHS.flatMap(({ def }) => Object.entries(def.imports ?? {}).map(([name, spec]) => `\n  ${def.name} ${name}: ${spec.description} (id_number,${spec.columns.join(',')})`)).join('')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
    actor: { type: 'string', default: `cli:${userInfo().username}` },
  },
});
const [subgraph, list, file] = positionals;
const def = HUB_SUBGRAPHS.find((s) => s.def.name === subgraph)?.def;
const spec = list ? def?.imports?.[list] : undefined;
if (!def || !spec || !file || positionals.length !== 3) {
  console.error(USAGE);
  process.exit(64);
}
// npm runs scripts from the package folder; a relative path is the user's.
const cwd = process.env.INIT_CWD ?? process.cwd();

const hub = await startHubForTool(settingsOrExit(() => hubSettings()));
try {
  const report = await runDepartmentImport(spec, list!, {
    databaseUrl: hub.databaseUrl(def),
    pii: new PersonalDataCipher(hub.keys.piiKey),
    file: resolve(cwd, file),
    ...(values.report ? { reportPath: resolve(cwd, values.report) } : {}),
    actor: { subject: values.actor!, role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', ...(def.department ? { department: def.department } : {}) },
    dryRun: values['dry-run'],
    progress: true,
  });
  console.log(`${report.dryRun ? 'dry run, nothing written: ' : ''}${report.rows} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rows / report.seconds)} rows/s)
  matched              ${report.matched}${report.dryRun ? '' : ` (written ${report.written})`}
  not in the registry  ${report.notInRegistry}
  invalid ID number    ${report.invalidIdNumber}
  invalid row          ${report.invalidRow}
  duplicated in file   ${report.duplicated}
report: ${report.reportPath}`);
} catch (err) {
  console.error(`import failed, nothing was written: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await hub.stop();
}
