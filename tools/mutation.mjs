// npm run mutation [-- --scope kit-domain,kit-auth,...] [--mutate <glob>]: StrykerJS over the modules that carry
// the hub's promises, each with the tests that guard it. Not part of `npm test` (it runs the
// tests once per mutant). Prints the score per module and every surviving mutant, and writes
// reports/mutation/<scope>.json (the mutation-testing-report schema) and a summary.
import { Stryker } from '@stryker-mutator/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '@fupin/postgres';
import { swcOptions } from './swc.config.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each scope: the files mutated, the modules they are reported under, and the jest tests run
 * against each mutant (only the tests that cover it: Stryker's per-test coverage).
 */
const SCOPES = {
  'kit-domain': { mutate: ['subgraphs/kit/src/domain/**/*.ts'], tests: ['subgraphs/kit/test/**/*.test.ts'], database: true },
  'kit-auth': { mutate: ['subgraphs/kit/src/auth/**/*.ts', '!subgraphs/kit/src/auth/index.ts'], tests: ['subgraphs/kit/test/**/*.test.ts'], database: true },
  'kit-audit': { mutate: ['subgraphs/kit/src/audit/**/*.ts', '!subgraphs/kit/src/audit/index.ts'], tests: ['subgraphs/kit/test/**/*.test.ts'], database: true },
  'kit-roster': { mutate: ['subgraphs/kit/src/roster/**/*.ts', '!subgraphs/kit/src/roster/index.ts'], tests: ['subgraphs/kit/test/**/*.test.ts'], database: true },
  'kit-db': { mutate: ['subgraphs/kit/src/db/rows.ts'], tests: ['subgraphs/kit/test/rows.test.ts'], database: true },
  'kit-idempotency': { mutate: ['subgraphs/kit/src/idempotency/**/*.ts'], tests: ['subgraphs/kit/test/idempotency.test.ts'], database: true },
  'kit-references': { mutate: ['subgraphs/kit/src/graphql/checked-references.ts'], tests: ['subgraphs/kit/test/checked-references.test.ts'], database: true },
  'kit-coverage': { mutate: ['subgraphs/kit/src/household-coverage/coverage-route.ts', 'subgraphs/kit/src/household-coverage/coverage.ts'], tests: ['subgraphs/kit/test/coverage-route.test.ts'], database: true },
  'kit-work-list': { mutate: ['subgraphs/kit/src/roster/work-list.ts'], tests: ['subgraphs/kit/test/work-list.test.ts'], database: true },
  gateway: { mutate: ['gateway/src/limits.ts', 'gateway/src/mask-errors.ts', 'gateway/src/batching.ts', 'gateway/src/subgraph-client.ts'], tests: ['gateway/test/**/*.test.ts'] },
};

const { values } = parseArgs({ options: { scope: { type: 'string', default: Object.keys(SCOPES).join(',') }, concurrency: { type: 'string', default: '2' }, mutate: { type: 'string' } } });
const scopes = values.scope.split(',');
for (const s of scopes) if (!SCOPES[s]) throw new Error(`unknown scope ${s}; scopes: ${Object.keys(SCOPES).join(', ')}`);

/** Workspace packages resolve to their sources inside Stryker's sandbox, so a mutant is seen by every test that imports it. */
async function workspaceMapper() {
  const map = {};
  for (const dir of ['subgraphs/kit', 'subgraphs/households', 'subgraphs/health-insurance', 'gateway', 'infra/postgres', 'infra/hub', 'schema']) {
    const pkg = JSON.parse(await readFile(join(ROOT, dir, 'package.json'), 'utf8'));
    for (const [sub, target] of Object.entries(pkg.exports)) {
      const source = typeof target === 'object' ? target['@fupin/source'] : null;
      if (!source) continue;
      const name = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
      map[`^${name.replace('/', '\\/')}$`] = `<rootDir>/${dir}/${source.slice(2)}`;
    }
  }
  return { ...map, '^(\\.{1,2}/.*)\\.js$': '$1' };
}

function jestConfig(scope, moduleNameMapper) {
  return {
    rootDir: '.',
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions, sourceMaps: 'inline' }] },
    moduleNameMapper,
    testMatch: scope.tests.map((t) => `<rootDir>/${t}`),
    testTimeout: 60000,
    setupFiles: ['reflect-metadata'],
    ...(scope.database ? { globalSetup: '<rootDir>/subgraphs/kit/src/testing/global-setup.ts', globalTeardown: '<rootDir>/subgraphs/kit/src/testing/global-teardown.ts' } : {}),
  };
}

// One PostgreSQL for the whole run (each test file makes its own database on it): without it
// every mutant's test run would start a server of its own.
const postgres = process.env.DATABASE_URL ? null : await startPostgres({});
if (postgres) process.env.DATABASE_URL = postgres.url;
// Ctrl-C stops the server too (Stryker cleans its own sandbox).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void postgres?.stop().finally(() => process.exit(130)));

/** A file is its own module: each is held to its own score. */
const moduleOf = (file) => relative(ROOT, file);
const out = join(ROOT, 'reports', 'mutation');
await mkdir(out, { recursive: true });
const summary = [];
for (const name of scopes) {
  const scope = SCOPES[name];
  const stryker = new Stryker({
    testRunner: 'jest',
    plugins: ['@stryker-mutator/jest-runner'],
    jest: { projectType: 'custom', config: jestConfig(scope, await workspaceMapper()), enableFindRelatedTests: false },
    testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
    coverageAnalysis: 'perTest',
    // --mutate: one file (or glob) of the scope, with the scope's tests: quicker rounds on one module.
    mutate: values.mutate ? [values.mutate] : scope.mutate,
    ignorePatterns: ['**/dist', '**/.turbo', '.data', 'reports', 'bench'],
    reporters: ['clear-text', 'json', 'progress'],
    jsonReporter: { fileName: join(out, `${name}.json`) },
    clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: true, reportScoreTable: true },
    concurrency: Number(values.concurrency),
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    timeoutMS: 6000,
    logLevel: 'warn',
    disableTypeChecks: true,
  });
  const results = await stryker.runMutationTest();
  const modules = new Map();
  for (const m of results) {
    const mod = moduleOf(m.fileName);
    const row = modules.get(mod) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0, survivors: [] };
    if (m.status === 'Killed') row.killed++;
    else if (m.status === 'Timeout') row.timeout++;
    else if (m.status === 'Survived') row.survived++;
    else if (m.status === 'NoCoverage') row.noCoverage++;
    else row.other++;
    if (m.status === 'Survived' || m.status === 'NoCoverage') row.survivors.push(`${relative(ROOT, m.fileName)}:${m.location.start.line} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`);
    modules.set(mod, row);
  }
  for (const [mod, r] of modules) {
    const detected = r.killed + r.timeout;
    const valid = detected + r.survived + r.noCoverage;
    summary.push({ scope: name, module: mod, score: valid ? Math.round((detected / valid) * 1000) / 10 : 100, killed: r.killed, timeout: r.timeout, survived: r.survived, noCoverage: r.noCoverage, survivors: r.survivors });
  }
}
console.log('\nmutation score per module');
console.log('module'.padEnd(40), 'score'.padStart(7), 'killed'.padStart(7), 'timeout'.padStart(8), 'survived'.padStart(9), 'no cover'.padStart(9));
for (const r of summary) console.log(r.module.padEnd(40), `${r.score}%`.padStart(7), String(r.killed).padStart(7), String(r.timeout).padStart(8), String(r.survived).padStart(9), String(r.noCoverage).padStart(9));
for (const r of summary) if (r.survivors.length) console.log(`\nsurviving in ${r.module}:\n  ${r.survivors.join('\n  ')}`);
await writeFile(join(out, `summary-${scopes.join('+')}.json`), JSON.stringify(summary, null, 2));
await postgres?.stop();
console.log(`\nreports: ${relative(process.cwd(), out)}/`);
