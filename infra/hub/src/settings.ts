import { gatewaySecret, idempotencyKeepHours, piiKey, parseEnv, port, postgresUrl, readSubgraphList, z } from '@fupin/kit';
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from src/ or dist/src/. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), import.meta.url.includes('/dist/') ? '../../../..' : '../../..');

/**
 * PostgreSQL will not run as root, so as root the embedded server runs as `postgres`, which
 * must be able to reach its folder: a checkout in a private temp folder is out of its reach,
 * so root's default lives under /var/lib, one folder per checkout.
 */
function defaultDataDir(): string {
  if (userInfo().uid !== 0) return join(REPO_ROOT, '.data');
  const checkout = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
  return `/var/lib/fupin-hub/${checkout}`;
}

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  FUPIN_DATA_DIR: z.string().optional(),
  FUPIN_PG_PORT: port(5433),
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  ROSTER_WAIT_MS: z.coerce.number().int().min(0).max(60000).default(3000),
  FUPIN_ROSTER_MAX_LAG_MS: z.coerce.number().int().min(1000).default(5000),
  FUPIN_SLOT_WAL_KEEP_MB: z.coerce.number().int().min(64).default(4096),
  FUPIN_PG_STATEMENT_STATS: z.enum(['0', '1']).default('0'),
  FUPIN_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  FUPIN_IDEMPOTENCY_KEEP_HOURS: idempotencyKeepHours,
  FUPIN_DEMO_HOUSEHOLDS: z.coerce.number().int().min(0).default(2000),
  FUPIN_DEMO_SEED: z.coerce.number().int().default(20140101),
  FUPIN_READY_WAIT_MS: z.coerce.number().int().min(0).default(120_000),
  FUPIN_MODE: z.enum(['development', 'production']).default('development'),
  FUPIN_JWKS: z.string().optional(),
  FUPIN_GATEWAY_SECRET: gatewaySecret.optional(),
  FUPIN_PII_KEY: piiKey.optional(),
  FUPIN_DATABASE_SECRET: gatewaySecret.optional(),
  // Unset: production enforces, development logs unknown documents (trustedDocumentsMode).
  FUPIN_TRUSTED_DOCUMENTS: z.enum(['off', 'log-unknown', 'enforce']).optional(),
  FUPIN_TRUSTED_DOCUMENTS_DIR: z.string().optional(),
  /** The caseworker's page (default: web/dist of this repository). */
  FUPIN_WEB_DIR: z.string().optional(),
});

export function hubSettings(env: NodeJS.ProcessEnv = process.env) {
  // Each listed subgraph's port: `<NAME>_PORT`, else its default.
  const listed = readSubgraphList();
  const ports = z.object(Object.fromEntries(listed.map((s) => [s.portVariable, port(s.defaultPort)])));
  const parsed = parseEnv(schema.extend(ports.shape), env) as z.infer<typeof schema> & Record<string, number>;
  const dataDir = parsed.FUPIN_DATA_DIR ?? defaultDataDir();
  return { ...parsed, ports: Object.fromEntries(listed.map((s) => [s.portVariable, parsed[s.portVariable]!])) as Record<string, number>, dataDir, postgresDir: join(dataDir, 'postgres') };
}

export type HubSettings = ReturnType<typeof hubSettings>;
