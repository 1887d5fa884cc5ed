import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** Whether a failed write broke the named unique constraint or index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof UniqueConstraintViolationException)) return false;
  const detail = err as unknown as { constraint?: string; message: string };
  return detail.constraint === constraint || detail.message.includes(constraint);
}
