import type { IdempotentRequest } from './idempotency/idempotency.js';
import type DataLoader from 'dataloader';
import type { FourZerosKey } from './four-zeros/four-zeros.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';

import type { Caller } from './auth/caller.js';
import type { BlindIndex, PersonalDataCipher } from './domain/personal-data.js';
import type { Peers } from './server/peers.js';
import type { Roster } from './roster/roster.js';
import type { CheckedReferences } from './graphql/checked-references.js';
import type { PartialAnswers } from './graphql/partial-answers.js';

/** Per request: its own EntityManager (identity map) and its own loaders (batch + cache). */
export interface SubgraphContext<L = unknown, S = Record<string, unknown>> extends CheckedReferences, PartialAnswers {
  em: EntityManager;
  loaders: L;
  /** Verified from the gateway's signature on every request. */
  caller: Caller;
  requestId: string;
  /** The registry's alone: encrypts, indexes and reveals ID numbers with the personal-data key (see `piiOf`). */
  pii?: PersonalDataCipher;
  /** Finds ID numbers by their blind index: all a department holds of the personal-data key. */
  blindIndex: BlindIndex;
  /** The subgraph's own settings, parsed at start. */
  settings: S;
  /** The hub's other subgraphs, for the few calls one makes to another (coverage). */
  peers: Peers;
  /** A department's replica of the registry's roster (subgraphs declaring `roster: true`). */
  roster?: Roster;
  /** A department's four-zeros count of the regions asked (departments declaring `fourZeros`). */
  fourZeros?: DataLoader<FourZerosKey, number, string>;
  /** The client's Idempotency-Key of a mutation, when it sent one. */
  idempotency?: IdempotentRequest;
}

/** The registry's personal-data cipher; a department has none (it holds the blind-index key only). */
export function piiOf(ctx: SubgraphContext): PersonalDataCipher {
  if (!ctx.pii) throw new Error('only the registry holds the personal-data key (set `publishesRoster` in its definition)');
  return ctx.pii;
}

export function requestIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w-]{1,64}$/.test(value) ? value : randomUUID();
}
