import { z } from 'zod';

export class EnvError extends Error {}

/**
 * Parses the environment with a schema and reports every problem at once, so a
 * misconfigured service says all that is wrong in one start instead of one per restart.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`invalid environment:\n${problems.join('\n')}`);
}

/** For `main` entry points: print the problems and exit instead of a stack trace. */
export function settingsOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

export function parseEnvOrExit<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  return settingsOrExit(() => parseEnv(schema, env));
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const gatewaySecret = z.string().min(32, 'must have at least 32 characters');
export const piiKey = z.string().refine((v) => Buffer.from(v, 'base64').length >= 32, 'must be at least 32 bytes, base64');
export const blindIndexKey = z.string().refine((v) => Buffer.from(v, 'base64').length >= 32 && Buffer.from(v, 'base64').length <= 64, 'must be 32 to 64 bytes, base64');
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
/** `FUPIN_IDEMPOTENCY_KEEP_HOURS`: how long idempotency keys and their answers are kept (up to 30 days). */
export const idempotencyKeepHours = z.coerce.number().positive().max(24 * 30).default(24);

export { z };
