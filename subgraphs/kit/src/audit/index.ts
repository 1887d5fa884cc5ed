export * from './audit.js';
export * from './audit-log.migration.js';
export * from './audit.middleware.js';
export * from './audit-log.type.js';
export * from './audit-log.service.js';
export * from './audit-log.resolver.js';
