import { parsePovertyLines, z } from '@fupin/kit';

/** The registry's own settings, parsed when it starts. */
export const registrySettings = z.object({
  /** How long the registry waits for a department's part of coverage before listing it as not consulted. */
  FUPIN_COVERAGE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
  /** The village exit rule (贫困村出列): poverty incidence below this share... */
  FUPIN_VILLAGE_EXIT_INCIDENCE: z.coerce.number().min(0).max(1).default(0.02),
  /** ...below this one in the western provinces... */
  FUPIN_VILLAGE_EXIT_INCIDENCE_WEST: z.coerce.number().min(0).max(1).default(0.03),
  /** ...and at least this share of its registered poor lifted. */
  FUPIN_VILLAGE_EXIT_LIFTED_SHARE: z.coerce.number().min(0).max(1).default(0.98),
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
