export * from './caller.js';
export * from './caller-headers.js';
export * from './jwt.js';
export * from './authorize.js';
export * from './permissions.js';
export * from './write-scope.js';
