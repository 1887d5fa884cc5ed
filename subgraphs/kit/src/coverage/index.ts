export * from './coverage.js';
export * from './coverage-route.js';
export * from './peers.js';
