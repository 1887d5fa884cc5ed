// `npm run codegen`: the typed client and this version's trusted-documents manifest. Older
// manifests are kept: a gateway loads them all, so an older client release still live is served.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CLIENT_DIR, generateClient } from './codegen.js';

for (const [path, content] of await generateClient()) {
  await mkdir(dirname(`${CLIENT_DIR}${path}`), { recursive: true });
  await writeFile(`${CLIENT_DIR}${path}`, content);
  console.log(`wrote client/${path}`);
}
