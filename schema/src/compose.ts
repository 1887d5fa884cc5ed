import { writeFile } from 'node:fs/promises';
import { composeSupergraph, SUPERGRAPH_PATH } from './index.js';

const sdl = await composeSupergraph();
await writeFile(SUPERGRAPH_PATH, sdl);
console.log(`wrote ${SUPERGRAPH_PATH}`);
