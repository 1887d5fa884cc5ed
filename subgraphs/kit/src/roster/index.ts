export * from './roster.migration.js';
export * from './subscribe.js';
export * from './roster.table.js';
