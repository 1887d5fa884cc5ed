export * from './audit.js';
export * from './audit-log.migration.js';
export * from './audit.middleware.js';
