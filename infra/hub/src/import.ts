import { BlindIndex, loadSubgraphs, settingsOrExit } from '@fupin/kit';
import { runDepartmentImport } from '@fupin/kit/bulk';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHubForTool } from './hub.js';
import { hubSettings } from './settings.js';

const listed = await loadSubgraphs();
const lists = await Promise.all(listed.map(async ({ def }) => ({ def, imports: (await def.imports?.()) ?? {} })));
const USAGE = `usage: npm run import -- <subgraph> <list> <file.csv> [--dry-run] [--report path] [--actor name]
lists: ${lists.flatMap(({ def, imports }) => Object.entries(imports).map(([name, spec]) => `\n  ${def.name} ${name}: ${spec.description} (${spec.keyedBy === 'household' ? 'household_number,id_number' : 'id_number'},${spec.columns.join(',')})`)).join('')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
    actor: { type: 'string', default: `cli:${userInfo().username}` },
  },
});
const [subgraph, list, file] = positionals;
const found = lists.find((s) => s.def.name === subgraph);
const def = found?.def;
const spec = list ? found?.imports[list] : undefined;
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
    // A department's list, matched as the department would: by the blind index, never decrypting.
    blindIndex: new BlindIndex(hub.keys.blindIndexKey),
    file: resolve(cwd, file),
    ...(values.report ? { reportPath: resolve(cwd, values.report) } : {}),
    // The registry's own lists (deaths) are the county office's upkeep, made with the hub's key.
    actor: def.department ? { subject: values.actor!, role: 'DEPARTMENT_OFFICER', regionCode: '000000000000', department: def.department } : { subject: values.actor!, role: 'ADMIN', regionCode: '000000000000' },
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
