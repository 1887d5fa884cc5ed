import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '../server/subgraph.js';

/**
 * `subgraphs/subgraphs.json`: every subgraph of the hub, in start order (the registry
 * first: departments subscribe to its roster). Composition, `npm start`, the tools and the
 * test harness read it, so adding a department touches its folder and this one list.
 */
export const SUBGRAPH_LIST_PATH = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../../subgraphs.json' : '../../../subgraphs.json', import.meta.url));

export interface ListedSubgraph {
  /** The subgraph's name in the supergraph; its package is `@fupin/<name>`. */
  name: string;
  defaultPort: number;
  /** `HEALTH_INSURANCE_PORT` for `health-insurance`, the way the gateway reads `<NAME>_URL`. */
  portVariable: string;
  packageName: string;
  /** A department's code (`HEALTH_INSURANCE`): what its officers' tokens carry; none for the registry. */
  department?: string;
}

/** A department code: upper case and underscores (`WATER_SAFETY`). */
export const DEPARTMENT_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

export const envName = (name: string) => name.toUpperCase().replaceAll('-', '_');

export function readSubgraphList(path = SUBGRAPH_LIST_PATH): ListedSubgraph[] {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as { name: string; defaultPort: number; department?: unknown }[];
  return entries.map(({ name, defaultPort, department }) => {
    const badCode = department !== undefined && (typeof department !== 'string' || !DEPARTMENT_CODE.test(department));
    if (!/^[a-z][a-z0-9-]*$/.test(name) || !Number.isInteger(defaultPort) || badCode) throw new Error(`${path}: ${JSON.stringify({ name, defaultPort, department })} is not a subgraph entry`);
    return { name, defaultPort, portVariable: `${envName(name)}_PORT`, packageName: `@fupin/${name}`, ...(department ? { department: department as string } : {}) };
  });
}

/**
 * The department codes of the hub, in list order, each once (two subgraphs may serve one
 * department). Tokens, `@Authorized` rules and the role matrix take them from here, so a
 * department new to the hub is one entry in the list, not an edit to the kit.
 */
export function departmentCodes(path = SUBGRAPH_LIST_PATH): string[] {
  return [...new Set(readSubgraphList(path).flatMap((s) => (s.department ? [s.department] : [])))];
}

export function listedSubgraph(name: string): ListedSubgraph {
  const found = readSubgraphList().find((s) => s.name === name);
  if (!found) throw new Error(`${name} is not in ${SUBGRAPH_LIST_PATH}`);
  return found;
}

export interface HubSubgraph extends ListedSubgraph {
  def: SubgraphDefinition<unknown>;
}

async function load(listed: ListedSubgraph): Promise<HubSubgraph> {
  const mod = (await import(listed.packageName)) as { default?: SubgraphDefinition<unknown> };
  if (!mod.default || mod.default.name !== listed.name) throw new Error(`${listed.packageName} must export its subgraph definition (name '${listed.name}') as default`);
  return { ...listed, def: mod.default };
}

/** Every listed subgraph's definition (each package's default export), in list order. */
export function loadSubgraphs(): Promise<HubSubgraph[]> {
  return Promise.all(readSubgraphList().map(load));
}

export function loadSubgraph(name: string): Promise<HubSubgraph> {
  return load(listedSubgraph(name));
}
