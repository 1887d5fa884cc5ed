import { glob, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

test('one copy of graphql in the tree: two copies break instanceof checks across packages', async () => {
  const copies: string[] = [];
  for await (const file of glob('**/node_modules/graphql/package.json', { cwd: root })) copies.push(file);
  expect(copies).toEqual(['node_modules/graphql/package.json']);
  const { version } = JSON.parse(await readFile(`${root}/node_modules/graphql/package.json`, 'utf8'));
  expect(version).toBe('16.15.0');
});

test('every dependency is pinned to an exact version', async () => {
  const manifests = ['package.json'];
  for await (const file of glob('{subgraphs/*,infra/*,gateway,schema,test,bench}/package.json', { cwd: root })) manifests.push(file);
  const loose: string[] = [];
  for (const file of manifests) {
    const pkg = JSON.parse(await readFile(`${root}/${file}`, 'utf8'));
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }) as [string, string][]) {
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) loose.push(`${file}: ${name}@${range}`);
    }
  }
  expect(loose).toEqual([]);
});
