import { makeIdNumber, PersonalDataCipher } from '@fupin/kit';
import { migratedTestDatabase } from '@fupin/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { households } from '../src/index.js';
import { sealLegacyIdNumbers } from '../src/member/seal-legacy-id-numbers.js';

// Rows registered before ID numbers were encrypted hold them in plain text; the subgraph
// seals them at start-up and leaves no plain text behind.
let db: Awaited<ReturnType<typeof migratedTestDatabase>>;
let orm: MikroORM;
beforeAll(async () => {
  db = await migratedTestDatabase('legacy', households);
  orm = db.orm;
});
afterAll(async () => {
  await db?.drop();
});

test('plain ID numbers are sealed: ciphertext, blind index and mask, plain column empty', async () => {
  const conn = orm.em.fork().getConnection();
  await conn.execute(`insert into region (code, name, level) values ('420000000000', 'p', 'PROVINCE')`);
  await conn.execute(`insert into region (code, name, level, parent_code) values ('420100000000', 'c', 'CITY', '420000000000'), ('420115000000', 'x', 'COUNTY', '420100000000')`);
  await conn.execute(`insert into region (code, name, level, parent_code) values ('420115101000', 't', 'TOWNSHIP', '420115000000'), ('420115101201', 'v', 'VILLAGE', '420115101000')`);
  await conn.execute(`insert into household (id, household_number, village_code, type, status, identified_year, main_cause, safe_drinking_water) values ('00000000-0000-4000-8000-000000000001', 'H1', '420115101201', 'GENERAL', 'POOR', 2016, 'ILLNESS', true)`);
  const plain = [makeIdNumber('420115', '1970-01-01', 1), makeIdNumber('420115', '1972-02-02', 2)];
  for (const [i, idNumber] of plain.entries()) {
    await conn.execute(
      `insert into member (id, household_id, position, name, id_number, gender, birth_date, relation_to_head, health_status, labor_capacity) values (?, '00000000-0000-4000-8000-000000000001', ?, 'n', ?, 'MALE', '1970-01-01', ?, 'HEALTHY', 'ORDINARY')`,
      [`00000000-0000-4000-8000-00000000001${i}`, i, idNumber, i === 0 ? 'HEAD' : 'SPOUSE'],
    );
  }
  const pii = new PersonalDataCipher(PersonalDataCipher.newKey());
  expect(await sealLegacyIdNumbers(orm.em.fork() as never, pii)).toBe(2);
  const rows = await conn.execute<{ id_number: string | null; id_number_encrypted: string; id_number_index: string; id_number_masked: string }[]>(
    `select id_number, id_number_encrypted, id_number_index, id_number_masked from member order by position`,
  );
  expect(rows.map((r) => r.id_number)).toEqual([null, null]);
  expect(rows.map((r) => pii.decrypt(r.id_number_encrypted))).toEqual(plain);
  expect(rows.map((r) => r.id_number_index)).toEqual(plain.map((p) => pii.blindIndex(p)));
  expect(rows[0]!.id_number_masked).toBe(`420115********${plain[0]!.slice(-4)}`);
  expect(await sealLegacyIdNumbers(orm.em.fork() as never, pii)).toBe(0);
});
