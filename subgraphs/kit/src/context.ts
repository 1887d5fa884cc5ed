import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';

/** Who is asking. Filled in by the security work; null means no identity yet. */
export interface Caller {
  subject: string;
  role: string;
  regionCode: string;
  department?: string;
}

/** Per request: its own EntityManager (identity map) and its own loaders (batch + cache). */
export interface SubgraphContext<L = unknown> {
  em: EntityManager;
  loaders: L;
  caller: Caller | null;
  requestId: string;
}

export function requestIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w-]{1,64}$/.test(value) ? value : randomUUID();
}
