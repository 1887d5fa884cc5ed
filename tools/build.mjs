// Transpiles a package's src/ and migrations/ to dist/ with swc (type checking is the
// separate `typecheck` task, so builds stay fast enough for `npm start`).
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { swcOptions } from './swc.config.mjs';

const root = process.cwd();
const out = join(root, 'dist');

async function* walk(dir) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts')) yield p;
  }
}

await rm(out, { recursive: true, force: true });
let count = 0;
for (const base of ['src', 'migrations']) {
  for await (const file of walk(join(root, base))) {
    const rel = relative(root, file).replace(/\.ts$/, '.js');
    const target = join(out, rel);
    const { code, map } = await transformFile(file, { ...swcOptions, filename: file, sourceFileName: relative(dirname(target), file) });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code + `\n//# sourceMappingURL=${relative(dirname(target), target)}.map\n`);
    if (map) await writeFile(target + '.map', map);
    count++;
  }
}
console.log(`built ${count} files into ${relative(process.cwd(), out) || 'dist'}`);
