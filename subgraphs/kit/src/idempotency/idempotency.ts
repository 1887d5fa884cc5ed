import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';

/**
 * Idempotency keys (幂等键): a client that sends a mutation again after a timeout, with the same
 * `Idempotency-Key`, gets the first answer back and nothing is written twice; the same key
 * with another request is refused. Keys are the caller's own (per token subject) and kept in
 * each subgraph's database: the key is claimed in the transaction of the write itself, so a
 * write and its key land together or not at all.
 */
export class Migration20261202200000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table idempotency_key (
      subject text not null,
      key text not null,
      request_hash text not null,
      response jsonb,
      created_at timestamptz not null default now(),
      primary key (subject, key))`);
  }
}

export const IDEMPOTENCY_MIGRATION = { name: 'Migration20261202200000_idempotency_keys', class: Migration20261202200000_idempotency_keys };

/** The header the gateway passes a client's key on in (`Idempotency-Key` from the client). */
export const IDEMPOTENCY_HEADER = 'x-idempotency-key';

/** A key a client may choose: 1 to 128 printable ASCII characters without spaces (a UUID, say). */
export const isIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,128}$/.test(key);

export interface IdempotentRequest {
  key: string;
  /** The request as the subgraph received it: operation and variables. */
  requestHash?: string;
  /** Set once the write that claimed the key has committed: its answer is kept. */
  claimed?: boolean;
}

// How long a key whose answer was never kept (the service stopped between the write and
// keeping it) is reported as in progress before as applied.
const IN_PROGRESS_MS = 30_000;

const refusal = (message: string, code: string, retryable: boolean) => ({
  http: { status: 200, headers: new HeaderMap() },
  body: { kind: 'single' as const, singleResult: { errors: [{ message, extensions: { code, retryable } }] } },
});

/** The key of a request, read from the gateway's header (null when none was sent). */
export function idempotencyOf(headers: Record<string, string | string[] | undefined>): IdempotentRequest | undefined {
  const given = headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(given) ? given[0] : given;
  if (key === undefined) return undefined;
  if (!isIdempotencyKey(key)) throw new GraphQLError('Idempotency-Key must have 1 to 128 printable characters', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return { key };
}

/**
 * Replays the kept answer of a mutation sent again with its key, refuses the key with another
 * request, and keeps the answer of the write that claimed it.
 */
export function idempotencyPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue: ctx, request, operation }) {
          const idem = ctx.idempotency;
          if (!idem || operation.operation !== 'mutation') return null;
          idem.requestHash = createHash('sha256').update(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}])).digest('hex');
          const [kept] = await ctx.em.fork().getConnection().execute<{ request_hash: string; response: unknown; created_at: Date | string }[]>(
            'select request_hash, response, created_at from idempotency_key where subject = ? and key = ?',
            [ctx.caller.subject, idem.key],
          );
          if (!kept) return null;
          if (kept.request_hash !== idem.requestHash) return refusal('this Idempotency-Key was used for another request', 'IDEMPOTENCY_KEY_REUSED', false);
          if (kept.response) return { http: { status: 200, headers: new HeaderMap([['idempotent-replay', 'true']]) }, body: { kind: 'single', singleResult: kept.response as Record<string, unknown> } };
          const age = Date.now() - new Date(kept.created_at).getTime();
          return age < IN_PROGRESS_MS
            ? refusal('a request with this Idempotency-Key is being processed; ask again', 'IDEMPOTENT_REQUEST_IN_PROGRESS', true)
            : refusal('the request with this Idempotency-Key was applied; its answer was not kept', 'IDEMPOTENT_REQUEST_APPLIED', false);
        },
        async willSendResponse({ contextValue: ctx, response }) {
          const idem = ctx.idempotency;
          if (!idem?.claimed || response.body.kind !== 'single') return;
          await ctx.em.fork().getConnection().execute('update idempotency_key set response = ?::jsonb where subject = ? and key = ?', [JSON.stringify(response.body.singleResult), ctx.caller.subject, idem.key]);
        },
      };
    },
  };
}

/**
 * Claims the request's key inside the write's transaction (the kit's mutation middleware calls
 * it): a second request with the key, racing this one, waits on the row and is then refused as
 * in progress; this one's answer is kept once it is sent.
 */
export async function claimIdempotencyKey(tx: EntityManager, ctx: SubgraphContext): Promise<void> {
  const idem = ctx.idempotency;
  if (!idem?.requestHash) return;
  try {
    await tx.getConnection().execute('insert into idempotency_key (subject, key, request_hash) values (?, ?, ?)', [ctx.caller.subject, idem.key, idem.requestHash], 'run', tx.getTransactionContext());
  } catch (err) {
    if (isUniqueViolation(err, 'idempotency_key_pkey')) {
      throw new GraphQLError('a request with this Idempotency-Key is being processed; ask again', { extensions: { code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true } });
    }
    throw err;
  }
}
