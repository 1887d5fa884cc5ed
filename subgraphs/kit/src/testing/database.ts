import { dropDatabase, ensureDatabase } from '@fupin/postgres';
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
