import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** Whether a failed write broke the named unique constraint or index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const detail = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  // A raw statement in a transaction (`execute` with its context) comes back as the driver's
  // error, not MikroORM's: its SQLSTATE says the same (23505, unique_violation).
  if (!(err instanceof UniqueConstraintViolationException) && detail?.code !== '23505') return false;
  return detail?.constraint === constraint || String(detail?.message).includes(constraint);
}
