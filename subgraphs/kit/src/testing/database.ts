import type { MikroORM } from '@mikro-orm/postgresql';
import { dropDatabase, ensureDatabase } from '@fupin/postgres';
import { openDatabase, type OrmOptions } from '../db/orm.js';
import { randomBytes } from 'node:crypto';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.FUPIN_TEST_PG_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no PostgreSQL for tests: run through jest (globalSetup starts one) or set DATABASE_URL');
  return url;
}

/** A fresh, empty database of its own for one test file. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(server, name);
  return { url, drop: () => dropDatabase(server, name) };
}

/** A fresh database with a subgraph's migrations applied, opened as its owner. */
export async function migratedTestDatabase(
  prefix: string,
  def: { entities: OrmOptions['entities']; migrations: OrmOptions['migrations']; onQuery?: (sql: string) => void },
): Promise<TestDatabase & { orm: MikroORM }> {
  const db = await createTestDatabase(prefix);
  const orm = (await openDatabase({ databaseUrl: db.url, entities: def.entities, migrations: def.migrations, ...(def.onQuery ? { onQuery: def.onQuery } : {}) })) as MikroORM;
  return {
    ...db,
    orm,
    drop: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}
