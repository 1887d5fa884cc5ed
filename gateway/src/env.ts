import { EnvError, gatewaySecret, parseEnv, port, z } from '@fupin/kit';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from './trusted-documents.js';

/** schema/supergraph.graphql of this repository, from src/ or dist/src/. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../../schema/supergraph.graphql' : '../../schema/supergraph.graphql', import.meta.url),
);

/** client/manifest of this repository: the typed client's trusted-documents manifests, one per release. */
export const DEFAULT_TRUSTED_DOCUMENTS_DIR = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../../client/manifest' : '../../client/manifest', import.meta.url),
);

/** web/dist of this repository: the caseworker's page, built by `npm run build -w web`. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../web/dist' : '../../web/dist', import.meta.url));

/** How the gateway calls its subgraphs: the same settings whether it runs alone or in `npm start`. */
const calls = z.object({
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SUBGRAPH_READ_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  SUBGRAPH_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(8_000_000),
  GATEWAY_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});

const schema = calls.extend({
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  FUPIN_JWKS: z.string().min(1, 'a JWKS file or URL that verifies tokens'),
  FUPIN_GATEWAY_SECRET: gatewaySecret,
  FUPIN_MODE: z.enum(['development', 'production']).default('production'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  FUPIN_TRUSTED_DOCUMENTS: z.enum(TRUSTED_DOCUMENTS_MODES).optional(),
  FUPIN_TRUSTED_DOCUMENTS_DIR: z.string().default(DEFAULT_TRUSTED_DOCUMENTS_DIR),
  FUPIN_WEB_DIR: z.string().default(DEFAULT_WEB_DIR),
});

const subgraphNames = (supergraphPath: string) => [...readFileSync(supergraphPath, 'utf8').matchAll(/@join__graph\(name: "([^"]+)"/g)].map(([, name]) => name!);
const prefixOf = (name: string) => name.toUpperCase().replaceAll('-', '_');

/**
 * Deadlines and retries of subgraph calls: SUBGRAPH_TIMEOUT_MS, or for a subgraph named
 * `health-insurance` HEALTH_INSURANCE_TIMEOUT_MS when that is set; SUBGRAPH_READ_RETRIES.
 */
export function subgraphCallSettings(env: NodeJS.ProcessEnv = process.env, supergraphPath = DEFAULT_SUPERGRAPH_PATH) {
  const names = subgraphNames(supergraphPath);
  const own = z.object(Object.fromEntries(names.map((n) => [`${prefixOf(n)}_TIMEOUT_MS`, z.coerce.number().int().positive().optional()])));
  const parsed = parseEnv(calls.extend(own.shape), env) as z.infer<typeof calls> & Record<string, number | undefined>;
  const subgraphTimeouts = Object.fromEntries(names.flatMap((n) => (parsed[`${prefixOf(n)}_TIMEOUT_MS`] ? [[n, parsed[`${prefixOf(n)}_TIMEOUT_MS`]!]] : [])));
  // The deadlines nest: the client's request outlasts any one subgraph call.
  const longest = Math.max(parsed.SUBGRAPH_TIMEOUT_MS, ...Object.values(subgraphTimeouts));
  if (parsed.GATEWAY_REQUEST_TIMEOUT_MS <= longest) {
    throw new EnvError(`invalid environment:\n  - GATEWAY_REQUEST_TIMEOUT_MS: ${parsed.GATEWAY_REQUEST_TIMEOUT_MS} must be above every subgraph's deadline (the longest is ${longest} ms)`);
  }
  return {
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    subgraphTimeouts,
    readRetries: parsed.SUBGRAPH_READ_RETRIES,
    subgraphMaxResponseBytes: parsed.SUBGRAPH_MAX_RESPONSE_BYTES,
    requestTimeoutMs: parsed.GATEWAY_REQUEST_TIMEOUT_MS,
  };
}

/** Settings from the environment; each subgraph's URL is `<NAME>_URL` (e.g. HOUSEHOLDS_URL). */
export function gatewayEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(schema, env);
  // A subgraph named `health-insurance` is found at HEALTH_INSURANCE_URL when that is set,
  // else at the URL the supergraph was composed with.
  const subgraphUrls: Record<string, string> = {};
  for (const name of subgraphNames(parsed.SUPERGRAPH_PATH)) {
    const url = env[`${prefixOf(name)}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    ...subgraphCallSettings(env, parsed.SUPERGRAPH_PATH),
    jwksSource: parsed.FUPIN_JWKS,
    gatewaySecret: parsed.FUPIN_GATEWAY_SECRET,
    mode: parsed.FUPIN_MODE,
    limits: { ratePerMinute: parsed.RATE_LIMIT_PER_MINUTE },
    trustedDocuments: { mode: trustedDocumentsMode(parsed.FUPIN_TRUSTED_DOCUMENTS, parsed.FUPIN_MODE), dir: parsed.FUPIN_TRUSTED_DOCUMENTS_DIR },
    subgraphUrls,
    webDir: parsed.FUPIN_WEB_DIR,
  };
}

/**
 * FUPIN_TRUSTED_DOCUMENTS when set; else production enforces (ADMIN exempt) and development
 * logs unknown documents. (startGateway called directly, as tests do, defaults to `off`.)
 */
export function trustedDocumentsMode(given: TrustedDocumentsMode | undefined, mode: 'development' | 'production'): TrustedDocumentsMode {
  return given ?? (mode === 'production' ? 'enforce' : 'log-unknown');
}
