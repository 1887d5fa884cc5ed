import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { countFourZerosYear, FOUR_ZEROS_YEARS_PER_REQUEST, figuresStatementTimeoutMs, underFiguresLock } from '../src/index.js';
import { migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

// The figures are built off the request path, and a build never runs without a deadline:
// upkeep holds the lock under FUPIN_FIGURES_STATEMENT_TIMEOUT_MS, and a request that finds
// the lock taken is told so at once instead of queueing behind the build.
let db: TestDatabase & { orm: MikroORM };
beforeAll(async () => {
  db = await migratedTestDatabase('kit_figures_lock', { entities: [], migrations: [] });
});
afterAll(() => db?.drop());

const em = () => db.orm.em.fork() as EntityManager;
const LOCK = 91_001;

afterEach(() => {
  delete process.env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS;
});

test('upkeep builds under the figures deadline: a statement running past it is cancelled', async () => {
  process.env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS = '200';
  const started = Date.now();
  await expect(underFiguresLock(em(), LOCK, true, async (q) => void (await q('select pg_sleep(5)')))).rejects.toThrow(/statement timeout/);
  expect(Date.now() - started).toBeLessThan(4000);
});

test('upkeep sees its deadline inside the build', async () => {
  process.env.FUPIN_FIGURES_STATEMENT_TIMEOUT_MS = '4321';
  let seen = '';
  await underFiguresLock(em(), LOCK, true, async (q) => {
    seen = (await q<{ statement_timeout: string }>('show statement_timeout'))[0]!.statement_timeout;
  });
  expect(seen).toBe('4321ms');
});

test('a request finding the lock held is told at once (false) and runs nothing', async () => {
  let release!: () => void;
  const holding = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const isHeld = new Promise<void>((r) => (held = r));
  const build = underFiguresLock(em(), LOCK, true, async () => {
    held();
    await holding;
  });
  await isHeld;
  let ran = false;
  const started = Date.now();
  const answered = await underFiguresLock(em(), LOCK, false, async () => {
    ran = true;
  });
  expect([answered, ran]).toEqual([false, false]);
  expect(Date.now() - started).toBeLessThan(1000);
  release();
  await expect(build).resolves.toBe(true);
  // Free again: the request runs.
  await expect(underFiguresLock(em(), LOCK, false, async () => {})).resolves.toBe(true);
});

test('the deadline setting is whole milliseconds from 1 to an hour', () => {
  expect(figuresStatementTimeoutMs({})).toBe(120_000);
  expect(figuresStatementTimeoutMs({ FUPIN_FIGURES_STATEMENT_TIMEOUT_MS: '1' })).toBe(1);
  for (const bad of ['0', '-5', '1.5', 'soon', '3600001']) expect(() => figuresStatementTimeoutMs({ FUPIN_FIGURES_STATEMENT_TIMEOUT_MS: bad })).toThrow(/FUPIN_FIGURES_STATEMENT_TIMEOUT_MS/);
});

test('a request may ask the figures of two years; the same year again is free; another request counts apart', () => {
  const request = {};
  const other = {};
  expect(FOUR_ZEROS_YEARS_PER_REQUEST).toBe(2);
  countFourZerosYear(request, 2018);
  countFourZerosYear(request, 2019);
  countFourZerosYear(request, 2018);
  expect(() => countFourZerosYear(request, 2020)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED' }) }));
  countFourZerosYear(other, 2020);
  countFourZerosYear(other, 2021);
});
