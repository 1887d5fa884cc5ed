import { startPostgres } from '@fupin/postgres';

/**
 * Jest globalSetup: one real PostgreSQL for the whole run (embedded, or the server in
 * DATABASE_URL); each test file makes its own database on it. The URL reaches the test
 * workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL });
  process.env.FUPIN_TEST_PG_URL = pg.url;
  (globalThis as { __fupinPostgres?: { stop(): Promise<void> } }).__fupinPostgres = pg;
}
