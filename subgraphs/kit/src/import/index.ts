export * from './csv.js';
export * from './department-import.js';
