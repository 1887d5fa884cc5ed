import { parsePovertyLines, readRegionCode, z } from '@fupin/kit';

/**
 * 西部: the twelve provinces of 西部大开发 (Inner Mongolia, Guangxi, Chongqing, Sichuan, Guizhou,
 * Yunnan, Tibet, Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang) and the areas treated alike,
 * 恩施 (Hubei) and 湘西 (Hunan): their villages exit below the western incidence limit.
 */
export const DEFAULT_WESTERN_AREAS = [
  '150000000000', '450000000000', '500000000000', '510000000000', '520000000000', '530000000000',
  '540000000000', '610000000000', '620000000000', '630000000000', '640000000000', '650000000000',
  '422800000000', '433100000000',
].join(',');

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
  /** ...the regions (12-digit codes, a region counts with everything below it) where that western limit applies... */
  FUPIN_WESTERN_AREAS: z
    .string()
    .default(DEFAULT_WESTERN_AREAS)
    .transform((text, ctx) => {
      const codes = text.split(',').map((c) => c.trim()).filter((c) => c !== '');
      for (const code of codes) {
        const facts = readRegionCode(code);
        if (typeof facts === 'string') ctx.addIssue({ code: 'custom', message: `"${code}" is not a 12-digit region code (${facts})` });
      }
      return codes;
    }),
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
