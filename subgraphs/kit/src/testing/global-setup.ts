import { startPostgres } from '@fupin/postgres';

/**
 * Jest globalSetup: one real PostgreSQL for the whole run (embedded, or the server in
 * DATABASE_URL); each test file makes its own database on it. The URL reaches the test
 * workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL });
  process.env.FUPIN_TEST_PG_URL = pg.url;
  // An exit is published for FUPIN_NOTICE_DAYS before the township reviews it: tests take it
  // through its procedure in one go. A file that tests the notice period sets its own.
  process.env.FUPIN_NOTICE_DAYS ??= '0';
  (globalThis as { __fupinPostgres?: { stop(): Promise<void> } }).__fupinPostgres = pg;
}
