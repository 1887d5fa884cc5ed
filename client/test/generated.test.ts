import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { PENDING_OPERATIONS } from '@fupin/schema/contract';
import { CLIENT_DIR, generateClient } from '../src/codegen/codegen.js';

test('the committed client and manifest are what codegen makes of the supergraph and the served contract (run `npm run codegen` when this fails)', async () => {
  const files = await generateClient();
  expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['manifest/0.1.0.json', 'src/generated/graphql.ts', 'src/generated/operations.graphql']));
  for (const [path, content] of files) {
    const committed = await readFile(`${CLIENT_DIR}${path}`, 'utf8').catch(() => '(missing)');
    expect({ path, content: committed }).toEqual({ path, content });
  }
});

test("this version's manifest holds every served operation, each under the sha256 of its text", async () => {
  const { version } = JSON.parse(await readFile(`${CLIENT_DIR}package.json`, 'utf8')) as { version: string };
  const manifest = JSON.parse(await readFile(`${CLIENT_DIR}manifest/${version}.json`, 'utf8')) as Record<string, string>;
  for (const [id, text] of Object.entries(manifest)) expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  const names = Object.values(manifest).map((text) => /^(?:query|mutation) (\w+)/.exec(text)?.[1]);
  expect(names).toEqual(expect.arrayContaining(['Region', 'RegisterHousehold', 'HouseholdView', 'AuditLog']));
  // Pending operations are not served yet: none is in a manifest.
  expect(PENDING_OPERATIONS.size).toBeGreaterThan(0);
  for (const pending of PENDING_OPERATIONS) expect(names).not.toContain(pending);
});
