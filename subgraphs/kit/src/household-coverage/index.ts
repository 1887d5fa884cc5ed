export * from './coverage.js';
export * from './coverage-route.js';
