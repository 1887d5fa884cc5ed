// A consumer's own jest set-up: TypeScript tests through swc, the hub's packages as built
// (their `dist/`), one test file at a time (each starts a hub).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } }] },
  testMatch: ['**/test/**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
