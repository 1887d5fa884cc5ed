// `npm run schema:check [-- --against <supergraph file>]`: what the subgraphs compose to now,
// against the supergraph clients are served (the committed one unless told), checked with
// every operation clients send: the contract's served operations and every document of
// every client manifest still kept (two client releases may be live at once).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'graphql';
import { checkSchema, type CheckedOperation } from './check.js';
import { servedContractOperations } from './contract.js';
import { composeSupergraph, SUPERGRAPH_PATH } from './index.js';

/** client/manifest of this repository: `<version>.json`, `sha256:<hex>` → document. */
export const MANIFEST_DIR = join(SUPERGRAPH_PATH, '../../client/manifest');

async function manifestOperations(dir: string): Promise<CheckedOperation[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const out: CheckedOperation[] = [];
  for (const file of files) {
    const manifest = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, string>;
    for (const [id, text] of Object.entries(manifest)) {
      const document = parse(text);
      const name = document.definitions.map((d) => (d.kind === 'OperationDefinition' ? d.name?.value : undefined)).find(Boolean) ?? id;
      out.push({ name, source: `client ${file.replace(/\.json$/, '')}`, document });
    }
  }
  return out;
}

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const beforePath = againstAt >= 0 ? args[againstAt + 1]! : SUPERGRAPH_PATH;
const operations = [
  ...(await servedContractOperations()).map((op) => ({ name: op.name, source: 'contract', document: op.document })),
  ...(await manifestOperations(MANIFEST_DIR)),
];
let after: string;
try {
  after = await composeSupergraph();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const result = await checkSchema(await readFile(beforePath, 'utf8'), after, operations);
console.log(`against ${beforePath}\n${result.report}`);
process.exit(result.ok ? 0 : 1);
