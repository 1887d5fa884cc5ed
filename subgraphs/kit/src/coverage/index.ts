export * from './coverage.js';
export * from './coverage-route.js';
export * from './peers.js';
export * from './four-zeros.js';
