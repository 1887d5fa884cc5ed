import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { appendAudit } from './audit.js';
import { claimIdempotencyKey, keepIdempotentScope } from '../idempotency/idempotency.js';

type Args = Record<string, unknown> & { input?: Record<string, unknown> };

/** What a mutation is about: the household, member, renovation or region it names. */
function subjectOf(args: Args): string | null {
  const input = args.input ?? {};
  const id = input.householdId ?? input.memberId ?? args.memberId ?? input.renovationId ?? input.villageCode ?? input.code ?? input.regionCode ?? args.id;
  return typeof id === 'string' ? id : null;
}

const reasonOf = (args: Args) => {
  const reason = args.reason ?? args.input?.reason;
  return typeof reason === 'string' ? reason.slice(0, 500) : null;
};

const codeOf = (err: unknown) => {
  const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

/** A refused mutation leaves a row too, written on its own since the write rolled back. */
export async function auditRefusal(context: SubgraphContext, info: GraphQLResolveInfo, args: Args, code: string): Promise<void> {
  await appendAudit(context.em.fork() as EntityManager, context.caller, context.requestId, {
    action: info.fieldName,
    subjectId: subjectOf(args),
    outcome: 'REFUSED',
    reason: code,
  });
}

/** What a write's transaction records beside it: its audit row, and what its idempotency key was judged on. */
async function recordAllowed(tx: EntityManager, context: SubgraphContext, info: GraphQLResolveInfo, args: Args, result: unknown): Promise<void> {
  const id = (result as { id?: unknown } | null)?.id;
  // What the write produced names it best (a new household); else what the input names.
  const subjectId = typeof id === 'string' ? id : subjectOf(args);
  await appendAudit(tx, context.caller, context.requestId, { action: info.fieldName, subjectId, outcome: 'ALLOWED', reason: reasonOf(args) });
  // Its key keeps what the write was judged on, so that a replay is judged the same way.
  await keepIdempotentScope(tx, context, info.fieldName, subjectId);
}

/** The transaction of one write: the client's key (if it sent one) claimed first, the write, its audit row; all land or none. */
async function inWriteTransaction<T>(original: EntityManager, context: SubgraphContext, info: GraphQLResolveInfo, args: Args, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return original.transactional(async (tx) => {
    await claimIdempotencyKey(tx as EntityManager, context);
    const result = await work(tx as EntityManager);
    await recordAllowed(tx as EntityManager, context, info, args, result);
    return result;
  });
}

/**
 * Every mutation runs in one transaction with its audit row: the write and its record land
 * together or not at all. Services' own transactions nest inside it.
 */
export const auditMutations: MiddlewareFn<SubgraphContext> = async ({ context, info, args }, next) => {
  if (info.parentType.name !== 'Mutation' || info.fieldName === 'revealIdNumber') return next();
  const original = context.em;
  try {
    const result = await inWriteTransaction(original, context, info, args as Args, async (tx) => {
      context.em = tx;
      try {
        return await next();
      } finally {
        context.em = original;
      }
    });
    if (context.idempotency?.requestHash) context.idempotency.claimed = true;
    return result;
  } catch (err) {
    if (!(err as { audited?: boolean }).audited) await auditRefusal(context, info, args as Args, codeOf(err));
    throw err;
  }
};

/**
 * A mutation that waits on others before it writes (an exit asks four departments): it runs
 * with no transaction and no pooled connection held, and opens its own short one with
 * `writeTransaction` only to write. Its checks and its audit rows are the same as any write's.
 */
export const OwnTransaction = () => Extensions({ ownTransaction: true });

const writes = new WeakMap<SubgraphContext, <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>>();

/**
 * The write of a mutation marked `@OwnTransaction`: its key, the work and its audit row in one
 * short transaction. In any other mutation it is the work alone, in the mutation's transaction.
 */
export function writeTransaction<T>(context: SubgraphContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const write = writes.get(context);
  if (!write) return work(context.em);
  writes.delete(context);
  return write(work);
}

export const auditOwnTransaction: MiddlewareFn<SubgraphContext> = async ({ context, info, args }, next) => {
  const original = context.em;
  let wrote = false;
  writes.set(context, (work) => {
    wrote = true;
    return inWriteTransaction(original, context, info, args as Args, work);
  });
  try {
    let result = await next();
    // A resolver that had nothing to write is still audited (and its key claimed) as a write.
    if (!wrote) result = await inWriteTransaction(original, context, info, args as Args, async () => result);
    if (context.idempotency?.requestHash) context.idempotency.claimed = true;
    return result;
  } catch (err) {
    if (!(err as { audited?: boolean }).audited) await auditRefusal(context, info, args as Args, codeOf(err));
    throw err;
  } finally {
    writes.delete(context);
  }
};

// One row per refused field per request: a list of 100 households read with a forbidden
// field is one refused attempt, not 100.
const refusedInRequest = new WeakMap<SubgraphContext, Set<string>>();

/** Audits a refused read (once per request and target), then refuses it with FORBIDDEN. */
export async function refuseRead(context: SubgraphContext, target: string, subjectId: string | null, message: string): Promise<never> {
  const key = `${target}:${subjectId ?? ''}`;
  const seen = refusedInRequest.get(context) ?? new Set<string>();
  refusedInRequest.set(context, seen);
  if (!seen.has(key)) {
    seen.add(key);
    await appendAudit(context.em.fork() as EntityManager, context.caller, context.requestId, { action: `read ${target}`, subjectId, outcome: 'REFUSED', reason: 'FORBIDDEN' });
  }
  throw new ForbiddenError(message);
}
