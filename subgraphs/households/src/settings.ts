import { parsePovertyLines, z } from '@fupin/kit';

/** The registry's own settings, parsed when it starts. */
export const registrySettings = z
  .object({
  /** The notice period (公示) of an exit, in days after the proposal (China time); 0 only outside production, for tests. */
  FUPIN_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /** A procedure that has stayed this many days at one step is listed as stalled. */
  FUPIN_PROCEDURE_STALL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Read only to tell production (`npm start` sets it), where the notice period cannot be skipped. */
  NODE_ENV: z.string().optional(),
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
  })
  .superRefine((s, ctx) => {
    if (s.NODE_ENV === 'production' && s.FUPIN_NOTICE_DAYS < 1) ctx.addIssue({ code: 'custom', path: ['FUPIN_NOTICE_DAYS'], message: 'the notice period (公示) is at least 1 day in production' });
  });

export type RegistrySettings = z.infer<typeof registrySettings>;
