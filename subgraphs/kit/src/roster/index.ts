export * from './roster.migration.js';
export * from './subscribe.js';
