import { parseEnv, parsePovertyLines, z } from '@fupin/kit';

const schema = z.object({
  /** Per-deployment poverty lines, `YEAR:YUAN,...`, over the national defaults. */
  FUPIN_POVERTY_LINES: z.string().optional(),
});

let cached: { povertyLines: Record<number, number> } | undefined;

export function registryConfig() {
  if (!cached) {
    const env = parseEnv(schema);
    cached = { povertyLines: parsePovertyLines(env.FUPIN_POVERTY_LINES) };
  }
  return cached;
}
