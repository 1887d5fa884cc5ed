import { parsePovertyLines, z } from '@fupin/kit';

/** The registry's own settings, parsed when it starts. */
export const registrySettings = z.object({
  /** How long the registry waits for a department's part of coverage before listing it as not consulted. */
  FUPIN_COVERAGE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  /** Per-deployment poverty lines, `YEAR:YUAN,...`, over the national defaults. */
  FUPIN_POVERTY_LINES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parsePovertyLines(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
});

export type RegistrySettings = z.infer<typeof registrySettings>;
