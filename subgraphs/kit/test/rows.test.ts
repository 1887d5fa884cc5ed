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
}

class Migration20261202000000_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table ledger (id uuid primary key, member_id uuid not null, year integer not null, amount numeric(14,2) not null, paid_on date, recorded_at timestamptz not null)`);
    this.addSql(`insert into ledger values
      ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 2020, 1000.05, '2020-09-15', '2020-09-15 08:00:00.123456+00'),
      ('00000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 2021, 0.10, null, '2021-01-02 00:00:00+00'),
      ('00000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000002', 2020, 250.00, '2020-03-01', '2020-03-01 12:00:00+00'),
      ('00000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000003', 2020, 99999999.99, '2020-12-31', '2020-12-31 23:59:59+00')`);
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
const plain = (entities: LedgerEntity[]) => entities.map((e) => ({ id: e.id, memberId: e.memberId, year: e.year, amount: e.amount, paidOn: e.paidOn, recordedAt: e.recordedAt }));

const CASES = [
  ['every row, ordered', { year: { $gte: 0 } }, { id: 'asc' }],
  ['one of a list', { memberId: { $in: ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000003'] } }, { recordedAt: 'desc' }],
  ['equal, and within bounds', { year: 2020, paidOn: { $gte: '2020-03-01', $lte: '2020-09-30' } }, { paidOn: 'asc' }],
  ['from a bound on', { amount: { $gte: '250.00' } }, { amount: 'desc' }],
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
