export * from './roster.migration.js';
export * from './subscribe.js';
export * from './roster.table.js';
export * from './roster.entity.js';
export * from './roster.js';
export * from './work-list.js';
export * from './replication.js';
export * from './roster-reader.js';
