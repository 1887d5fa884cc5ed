import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './test/chromium.js';

// Browser tests against a hub the global setup starts (real subgraphs, gateway, PostgreSQL),
// driving Debian's chromium: Playwright's own browser download cannot reach its host here.
export default defineConfig({
  testDir: 'test',
  testMatch: '*.spec.ts',
  globalSetup: './test/global-setup.ts',
  // One hub, one browser at a time: a test stops a department, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  // Generous: under `npm test` the browser shares two cores with every other package's tests.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  outputDir: 'test-results/output',
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM },
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
