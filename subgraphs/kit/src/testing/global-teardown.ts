export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __fupinPostgres?: { stop(): Promise<void> } }).__fupinPostgres?.stop();
}
