import { EnvError, subgraphSettings } from '@fupin/kit';
import { errorCode, seed, startTestSubgraph, type TestSubgraph } from '@fupin/kit/testing';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { households } from '../src/index.js';

// Every setting the registry reads is checked when it starts, not at the first request that needs it.
const HERE = fileURLToPath(new URL('..', import.meta.url));

test('a bad poverty line is refused at start, naming the setting', async () => {
  expect(() => subgraphSettings(households, { FUPIN_POVERTY_LINES: '2021:4200,2022:lots' })).toThrow(EnvError);
  expect(() => subgraphSettings(households, { FUPIN_POVERTY_LINES: '2021:4200,2022:lots' })).toThrow(/FUPIN_POVERTY_LINES: poverty line "2022:lots" is not YEAR:YUAN/);
  // Before its migrations run or it serves anything.
  await expect(startTestSubgraph(households, undefined, undefined, undefined, { FUPIN_POVERTY_LINES: 'x' })).rejects.toThrow(EnvError);
});

test('the notice period (公示) of an exit is 5 days unless configured, and 0 only outside production', () => {
  expect(subgraphSettings(households, {})).toMatchObject({ FUPIN_NOTICE_DAYS: 5, FUPIN_PROCEDURE_STALL_DAYS: 30 });
  expect(subgraphSettings(households, { FUPIN_NOTICE_DAYS: '7' })).toMatchObject({ FUPIN_NOTICE_DAYS: 7 });
  expect(subgraphSettings(households, { FUPIN_NOTICE_DAYS: '0', NODE_ENV: 'test' })).toMatchObject({ FUPIN_NOTICE_DAYS: 0 });
  expect(() => subgraphSettings(households, { FUPIN_NOTICE_DAYS: '0', NODE_ENV: 'production' })).toThrow(/FUPIN_NOTICE_DAYS: the notice period \(公示\) is at least 1 day in production/);
  expect(() => subgraphSettings(households, { FUPIN_NOTICE_DAYS: '-1' })).toThrow(EnvError);
  expect(() => subgraphSettings(households, { FUPIN_PROCEDURE_STALL_DAYS: '0' })).toThrow(EnvError);
});

test('run alone, it exits 78 with every problem of its settings at once', () => {
  const run = spawnSync(process.execPath, ['../kit/dist/src/server/main.js'], {
    cwd: HERE,
    env: { PATH: process.env.PATH, FUPIN_POVERTY_LINES: 'soon', PORT: 'eighty' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(78);
  for (const setting of ['FUPIN_POVERTY_LINES', 'DATABASE_URL', 'PORT', 'FUPIN_GATEWAY_SECRET', 'FUPIN_PII_KEY']) expect(run.stderr).toContain(`- ${setting}:`);
});

describe('the configured lines are the ones an exit is judged by', () => {
  let registry: TestSubgraph;
  beforeAll(async () => {
    registry = await startTestSubgraph(households, undefined, undefined, undefined, { FUPIN_POVERTY_LINES: '2020:6000' });
  });
  afterAll(() => registry?.stop());

  test('an income above the national line of 2020 (4000) but below the configured one (6000) is not an exit', async () => {
    const admin = registry.as({ subject: 'admin', role: 'ADMIN', regionCode: '000000000000' });
    const h = await seed(admin).household({ villageCode: await seed(admin).village() });
    await admin.data(`mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`, { input: { householdId: h.id, year: 2020, incomePerCapita: 5000 } });
    const exit = (effectiveDate: string) =>
      admin.request(`mutation($input: ProposeStatusChangeInput!) { proposeStatusChange(input: $input) { step } }`, { input: { householdId: h.id, toStatus: 'LIFTED', effectiveDate, reason: '脱贫' } });
    const refused = await exit('2020-12-01');
    expect(errorCode(refused)).toBe('EXIT_STANDARD_NOT_MET');
    expect(JSON.stringify(refused.errors)).toContain('INCOME_BELOW_LINE');
  });
});
