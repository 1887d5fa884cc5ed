export * from './client.js';
export * from './database.js';
export * from './factories.js';
export * from './sql-counter.js';
export * from './subgraph.js';
export * from './roster.js';
export * from './import-report.js';
