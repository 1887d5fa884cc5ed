// Bulk tooling (imports, COPY, demo data, progress bars): loaded by the tools and by a
// subgraph's demo or import on demand, never by the code that serves requests.
export * from './copy.js';
export * from './csv.js';
export * from './department-import.js';
export * from './progress.js';
export * from './random.js';
export * from './roster-demo.js';
