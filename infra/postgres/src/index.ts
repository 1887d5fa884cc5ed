export { isProcessAlive, startPostgres, type RunningPostgres, type PostgresOptions } from './postgres.js';
export { ensureDatabase, dropDatabase, databaseUrl } from './databases.js';
export { freePort } from './free-port.js';
