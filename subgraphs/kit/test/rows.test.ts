import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { countRows, type Fen, FenType, findRows, readRows, rowsQuery } from '../src/index.js';
import { migratedTestDatabase, type TestDatabase } from '../src/testing/index.js';

// findRows reads what em.find would, as plain rows: the same rows, order, property names and
// values (integer fen from numeric, Dates from timestamps, dates as text, nulls), without the
// entity machinery.
@Entity({ tableName: 'ledger' })
class LedgerEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: FenType })
  amount!: Fen;

  @Property({ type: 'date', nullable: true })
  paidOn!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt!: Date;

  // Exact beyond a double's digits: read as text, batched or not.
  @Property({ type: 'decimal', columnType: 'numeric(30,10)' })
  rate!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  // Not a column: never selected.
  @Property({ persist: false })
  label?: string;
}

class Migration20261202000000_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table ledger (id uuid primary key, member_id uuid not null, year integer not null, amount numeric(14,2) not null, paid_on date, recorded_at timestamptz not null, rate numeric(30,10) not null, voided_at timestamptz)`);
    this.addSql(`insert into ledger values
      ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 2020, 1000.05, '2020-09-15', '2020-09-15 08:00:00.123456+00', 12345678901234567890.0123456789, null),
      ('00000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 2021, 0.10, null, '2021-01-02 00:00:00+00', 0.1, '2021-02-03 04:05:06+00'),
      ('00000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 2020, 250.00, '2020-03-01', '2020-03-01 12:00:00+00', 1, null),
      ('00000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000003', 2020, 99999999.99, '2020-12-31', '2020-12-31 23:59:59+00', 2.5, null)`);
    // Fails with the SQLSTATE asked for, as PostgreSQL does when a statement times out or the server goes.
    this.addSql(`create function fail_with(code text) returns integer language plpgsql as $$ begin raise exception 'failed as asked' using errcode = code; end $$`);
  }
}

let db: TestDatabase & { orm: MikroORM };
const statements: string[] = [];
beforeAll(async () => {
  db = await migratedTestDatabase('kit_rows', {
    entities: [LedgerEntity],
    migrations: [{ name: 'Migration20261202000000_ledger', class: Migration20261202000000_ledger }],
    onQuery: (sql) => statements.push(sql),
  });
});
afterAll(() => db?.drop());

const em = () => db.orm.em.fork() as EntityManager;
const plain = (entities: LedgerEntity[]) => entities.map((e) => ({ id: e.id, memberId: e.memberId, year: e.year, amount: e.amount, paidOn: e.paidOn, recordedAt: e.recordedAt, rate: e.rate, voidedAt: e.voidedAt }));

const CASES = [
  ['every row, ordered', { year: { $gte: 0 } }, { id: 'asc' }],
  ['one of a list', { memberId: { $in: ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000003'] } }, { recordedAt: 'desc' }],
  ['equal, and within bounds', { year: 2020, paidOn: { $gte: '2020-03-01', $lte: '2020-09-30' } }, { paidOn: 'asc' }],
  ['from a bound on', { amount: { $gte: '250.00' } }, { amount: 'desc' }],
  ['no value (is null), ordered by two columns', { paidOn: null, voidedAt: { $gte: '2000-01-01' } }, { year: 'desc', id: 'asc' }],
  ['no value, in a column that has some', { voidedAt: null }, { memberId: 'desc', id: 'desc' }],
] as const;

test.each(CASES)('%s: the same rows and values as em.find', async (_what, where, orderBy) => {
  const expected = plain(await em().find(LedgerEntity, where as never, { orderBy: orderBy as never }));
  const rows = await findRows(em(), LedgerEntity, where as never, orderBy as never);
  expect(rows).toEqual(expected);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows[0]!.recordedAt).toBeInstanceOf(Date);
  expect(typeof rows[0]!.amount).toBe('number');
});

test('a Date is a value to equal (bound as a parameter, its instant kept); $lt and $gt bound', async () => {
  const rows = await findRows(em(), LedgerEntity, { recordedAt: new Date('2020-03-01T12:00:00Z'), amount: { $lt: '1000', $gt: '249.99' } });
  expect(rows.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
});

test('an empty list asks nothing and finds nothing; an unknown property or condition is refused', async () => {
  expect(await findRows(em(), LedgerEntity, { memberId: { $in: [] } })).toEqual([]);
  await expect(findRows(em(), LedgerEntity, { nope: 1 } as never)).rejects.toThrow('LedgerEntity has no column for nope');
  // Ignored, it would read every row.
  await expect(findRows(em(), LedgerEntity, { memberId: { $like: '1%' } } as never)).rejects.toThrow('LedgerEntity.memberId: findRows knows no $like');
  await expect(readRows(em(), 'select ? as a', [])).rejects.toThrow('a read has 1 placeholders for 0 parameters');
});

test('a condition that would read the whole table is refused: none at all, an empty one, an undefined value', async () => {
  await expect(findRows(em(), LedgerEntity, {})).rejects.toThrow('LedgerEntity: findRows needs a condition (none would read every row)');
  await expect(countRows(em(), LedgerEntity, {})).rejects.toThrow('findRows needs a condition');
  await expect(findRows(em(), LedgerEntity, { memberId: {} } as never)).rejects.toThrow('LedgerEntity.memberId: findRows got an empty condition');
  await expect(findRows(em(), LedgerEntity, { memberId: undefined } as never)).rejects.toThrow('LedgerEntity.memberId: findRows got no value (undefined)');
});

test('$in takes an array or a rowsQuery, nothing else: a string, null or a look-alike object is refused, not read as SQL', async () => {
  for (const [value, named] of [['1=1) or (true', 'string'], [null, 'null'], [{ sql: 'select member_id from ledger', params: [] }, 'object'], [5, 'number']] as const) {
    await expect(findRows(em(), LedgerEntity, { memberId: { $in: value } } as never)).rejects.toThrow(`LedgerEntity.memberId: $in takes an array (or a rowsQuery), not ${named}`);
  }
  // A subquery made by rowsQuery is still taken.
  const paid = rowsQuery(em(), LedgerEntity, 'memberId', { year: 2021 });
  expect((await findRows(em(), LedgerEntity, { memberId: { $in: paid } }, { id: 'asc' })).map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
});

test('reads of one request in the same turn go as one statement, each with the rows and values it has alone', async () => {
  const alone = [];
  for (const [, where, orderBy] of CASES) alone.push(await findRows(em(), LedgerEntity, where as never, orderBy as never));
  const request = em();
  const before = statements.length;
  const together = await Promise.all([
    ...CASES.map(([, where, orderBy]) => findRows(request, LedgerEntity, where as never, orderBy as never)),
    readRows(request, 'select count(*)::int as n from ledger where year = ?', [2030]),
  ]);
  expect(statements.length - before).toBe(1);
  expect(together.slice(0, CASES.length)).toEqual(alone);
  expect(together.at(-1)).toEqual([{ n: 0 }]);
  // Another request's reads are its own statement.
  await Promise.all([findRows(em(), LedgerEntity, { year: 2020 }), findRows(em(), LedgerEntity, { year: 2020 })]);
  expect(statements.length - before).toBe(3);
});

test('a read that fails in a batch fails alone; the others have their rows', async () => {
  const request = em();
  const [good, bad] = await Promise.allSettled([findRows(request, LedgerEntity, { year: 2021 }), readRows(request, 'select 1/0 as n')]);
  expect(good.status === 'fulfilled' && good.value.map((r) => r.amount)).toEqual([10]);
  expect(bad.status === 'rejected' && String(bad.reason)).toMatch(/division by zero/);
});

test('exact values through a batch: numeric beyond a double\'s digits as its text, a null timestamp as null', async () => {
  const request = em();
  const [one, two] = await Promise.all([findRows(request, LedgerEntity, { year: 2020 }, { id: 'asc' }), findRows(request, LedgerEntity, { year: 2021 })]);
  expect(one.map((r) => [r.rate, r.voidedAt])).toEqual([['12345678901234567890.0123456789', null], ['1.0000000000', null], ['2.5000000000', null]]);
  expect(two.map((r) => [r.rate, r.voidedAt])).toEqual([['0.1000000000', new Date('2021-02-03T04:05:06Z')]]);
  expect(Object.keys(one[0]!)).not.toContain('label');
});

test('a limit keeps the first rows of the order', async () => {
  const rows = await findRows(em(), LedgerEntity, { year: { $gt: 2000 } }, { year: 'desc', amount: 'desc' }, 2);
  expect(rows.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000004']);
  expect(await findRows(em(), LedgerEntity, { year: 2020 }, { id: 'asc' }, 0)).toEqual([]);
});

test('countRows counts what findRows would find, with the other reads of its turn; an empty list counts 0 without asking', async () => {
  expect(await countRows(em(), LedgerEntity, { year: 2020 })).toBe(3);
  expect(await countRows(em(), LedgerEntity, { paidOn: null })).toBe(1);
  const request = em();
  const before = statements.length;
  expect(await Promise.all([countRows(request, LedgerEntity, { year: 2021 }), countRows(request, LedgerEntity, { year: 1999 })])).toEqual([1, 0]);
  expect(statements.length - before).toBe(1);
  expect(await countRows(em(), LedgerEntity, { memberId: { $in: [] } })).toBe(0);
  expect(await findRows(em(), LedgerEntity, { memberId: { $in: [] } })).toEqual([]);
  expect(statements.length - before).toBe(1);
});

test('a request reads turn after turn: each turn is a statement of its own, none waits for the last', async () => {
  const request = em();
  const before = statements.length;
  for (const year of [2020, 2021, 2022]) expect((await findRows(request, LedgerEntity, { year })).length).toBe(year === 2020 ? 3 : year === 2021 ? 1 : 0);
  expect(statements.length - before).toBe(3);
  // A batch with a read of no rows: that read's rows are [] (json_agg of nothing is null).
  expect(await Promise.all([readRows(request, 'select id from ledger where year = ?', [1999]), readRows(request, 'select 1 as one')])).toEqual([[], [{ one: 1 }]]);
});

test('a batch that timed out or lost its server fails every read at once, asking nothing again; another error is its read\'s alone', async () => {
  for (const code of ['57014', '57P01', '57P03', '08006']) {
    const request = em();
    const before = statements.length;
    const [good, bad] = await Promise.allSettled([findRows(request, LedgerEntity, { year: 2021 }), readRows(request, 'select fail_with(?) as n', [code])]);
    expect([good.status, bad.status]).toEqual(['rejected', 'rejected']);
    expect((good as PromiseRejectedResult).reason.code).toBe(code);
    expect(statements.length - before).toBe(1);
  }
  for (const code of ['57P04', '22012', 'P0001']) {
    const request = em();
    const [good, bad] = await Promise.allSettled([findRows(request, LedgerEntity, { year: 2021 }), readRows(request, 'select fail_with(?) as n', [code])]);
    expect(good.status).toBe('fulfilled');
    expect((bad as PromiseRejectedResult).reason.code).toBe(code);
  }
});

test('every unknown condition is named', async () => {
  await expect(findRows(em(), LedgerEntity, { year: { $ne: 1, $gte: 2, $like: 'x' } } as never)).rejects.toThrow('LedgerEntity.year: findRows knows no $ne, $like');
});
