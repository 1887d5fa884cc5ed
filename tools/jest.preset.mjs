import { fileURLToPath } from 'node:url';
import { swcOptions } from './swc.config.mjs';

const kitTesting = (file) => fileURLToPath(new URL(`../subgraphs/kit/src/testing/${file}`, import.meta.url));

// ESM jest over TypeScript sources: workspace packages resolve to src/ through the
// "@fupin/source" export condition, so tests never need a build first.
const base = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@fupin/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions, sourceMaps: 'inline' }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/test/**/*.test.ts'],
  // A bound against a hang, not a speed claim: turbo runs every package's suite at once, and
  // on two cores a whole hub (five subgraphs, migrations, roster subscriptions) can take over a
  // minute to start in a beforeAll while the others do the same.
  testTimeout: 180_000,
  setupFiles: ['reflect-metadata'],
};

export default base;

/** For suites that need PostgreSQL: one server per run, a database per test file. */
export const withDatabase = {
  ...base,
  globalSetup: kitTesting('global-setup.ts'),
  globalTeardown: kitTesting('global-teardown.ts'),
};
