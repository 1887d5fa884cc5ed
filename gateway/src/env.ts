import { gatewaySecret, parseEnv, port, z } from '@fupin/kit';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** schema/supergraph.graphql of this repository, from src/ or dist/src/. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../../schema/supergraph.graphql' : '../../schema/supergraph.graphql', import.meta.url),
);

const schema = z.object({
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  FUPIN_JWKS: z.string().min(1, 'a JWKS file or URL that verifies tokens'),
  FUPIN_GATEWAY_SECRET: gatewaySecret,
  FUPIN_MODE: z.enum(['development', 'production']).default('production'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
});

/** Settings from the environment; each subgraph's URL is `<NAME>_URL` (e.g. HOUSEHOLDS_URL). */
export function gatewayEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(schema, env);
  // A subgraph named `health-insurance` is found at HEALTH_INSURANCE_URL when that is set,
  // else at the URL the supergraph was composed with.
  const subgraphUrls: Record<string, string> = {};
  const sdl = readFileSync(parsed.SUPERGRAPH_PATH, 'utf8');
  for (const [, name] of sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)) {
    const url = env[`${name!.toUpperCase().replaceAll('-', '_')}_URL`];
    if (url) subgraphUrls[name!] = url;
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    jwksSource: parsed.FUPIN_JWKS,
    gatewaySecret: parsed.FUPIN_GATEWAY_SECRET,
    mode: parsed.FUPIN_MODE,
    limits: { ratePerMinute: parsed.RATE_LIMIT_PER_MINUTE },
    subgraphUrls,
  };
}
