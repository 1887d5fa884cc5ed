import { parsePovertyLines, z } from '@fupin/kit';

/** The registry's own settings, parsed when it starts. */
export const registrySettings = z.object({
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
