import { writeFile } from 'node:fs/promises';
import { composeSupergraph, PERMISSIONS_PATH, permissionSnapshot, SUPERGRAPH_PATH } from './index.js';

await writeFile(SUPERGRAPH_PATH, await composeSupergraph());
console.log(`wrote ${SUPERGRAPH_PATH}`);
await writeFile(PERMISSIONS_PATH, await permissionSnapshot());
console.log(`wrote ${PERMISSIONS_PATH}`);
