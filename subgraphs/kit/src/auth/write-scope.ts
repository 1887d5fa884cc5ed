import { ForbiddenError } from '../errors.js';
import { type Caller, inJurisdiction } from './caller.js';

// The regions a request's write was judged against, by the request's caller (one Caller
// object per request): an idempotency key keeps them, and a replayed answer is judged
// against them again for whoever replays it.
const judged = new WeakMap<Caller, Set<string>>();

/** Refuses a write outside the caller's jurisdiction (FORBIDDEN); remembers the region it allowed. */
export function assertWritable(caller: Caller, code: string, what: string): void {
  if (!inJurisdiction(caller, code)) throw new ForbiddenError(`${what} is outside your jurisdiction`);
  let regions = judged.get(caller);
  if (!regions) judged.set(caller, (regions = new Set()));
  regions.add(code);
}

/** The regions this caller's writes were allowed in, so far in its request. */
export const writtenRegionsOf = (caller: Caller): string[] => [...(judged.get(caller) ?? [])];
