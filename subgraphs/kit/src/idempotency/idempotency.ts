import { createHash, hkdfSync } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, Kind } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { appendAudit } from '../audit/audit.js';
import { allows } from '../auth/authorize.js';
import { inJurisdiction } from '../auth/caller.js';
import { mutationRules } from '../auth/permissions.js';
import { writtenRegionsOf } from '../auth/write-scope.js';
import { PersonalDataCipher } from '../domain/personal-data.js';

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

/**
 * A kept answer is sealed (AES-GCM, the personal-data key): it holds names and ID numbers. With
 * it, what the write was judged on, for judging its replay again: the mutation, the first
 * caller's role, region and department, what it named, and the regions its jurisdiction checks
 * allowed. Answers kept before were plain: they are dropped (their writes stay; a retry with
 * such a key writes again, as one after the keeping time does).
 */
export class Migration20261205100000_idempotency_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from idempotency_key`);
    this.addSql(`alter table idempotency_key alter column response type text using null`);
    this.addSql(`alter table idempotency_key
      add column field text,
      add column role text,
      add column region text,
      add column department text,
      add column subject_id text,
      add column regions jsonb not null default '[]'`);
    this.addSql(`create index idempotency_key_created_idx on idempotency_key (created_at)`);
  }
}

export const IDEMPOTENCY_MIGRATIONS = [
  { name: 'Migration20261202200000_idempotency_keys', class: Migration20261202200000_idempotency_keys },
  { name: 'Migration20261205100000_idempotency_scope', class: Migration20261205100000_idempotency_scope },
];

/** The header the gateway passes a client's key on in (`Idempotency-Key` from the client). */
export const IDEMPOTENCY_HEADER = 'x-idempotency-key';

/** How long a key and its answer are kept by default (`FUPIN_IDEMPOTENCY_KEEP_HOURS`). */
export const DEFAULT_IDEMPOTENCY_KEEP_HOURS = 24;

/** A key a client may choose: 1 to 128 printable ASCII characters without spaces (a UUID, say). */
export const isIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,128}$/.test(key);

export interface IdempotentRequest {
  key: string;
  /** How long keys are kept: an older one is as good as never used. */
  keepMs: number;
  /** The request as the subgraph received it: operation and variables. */
  requestHash?: string;
  /** Set once the write that claimed the key has committed: its answer is kept. */
  claimed?: boolean;
  /** Seals the kept answer: it may name people, and a department holds no personal-data key. */
  sealer: AnswerSealer;
}

/** Encrypts the answers a subgraph keeps (AES-256-GCM). */
export type AnswerSealer = Pick<PersonalDataCipher, 'encrypt' | 'decrypt'>;

/**
 * The key a subgraph seals its kept answers with, derived from a secret of its own (its role
 * secret): every subgraph, a department too, can keep answers no one reads from the table alone.
 */
export const answerSealer = (secret: string): AnswerSealer =>
  new PersonalDataCipher(Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'fupin-hub idempotent answers', 32)).toString('base64'));

// How long a key whose answer was never kept (the service stopped between the write and
// keeping it) is reported as in progress before as applied.
const IN_PROGRESS_MS = 30_000;

const refusal = (message: string, code: string, retryable: boolean) => ({
  http: { status: 200, headers: new HeaderMap() },
  body: { kind: 'single' as const, singleResult: { errors: [{ message, extensions: { code, retryable } }] } },
});

/** The key of a request, read from the gateway's header (null when none was sent). */
export function idempotencyOf(headers: Record<string, string | string[] | undefined>, sealer: AnswerSealer, keepMs = DEFAULT_IDEMPOTENCY_KEEP_HOURS * 3_600_000): IdempotentRequest | undefined {
  const given = headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(given) ? given[0] : given;
  if (key === undefined) return undefined;
  if (!isIdempotencyKey(key)) throw new GraphQLError('Idempotency-Key must have 1 to 128 printable characters', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return { key, keepMs, sealer };
}

interface KeptWrite {
  request_hash: string;
  response: string | null;
  created_at: Date | string;
  field: string | null;
  region: string | null;
  subject_id: string | null;
  regions: string[] | string;
}

/**
 * Why the caller of a replay may not have the kept answer, or null: the checks the write passed,
 * run again for who asks now (same subject, perhaps another role, department or region): the
 * mutation's role rules, and the jurisdiction over every region the write was judged in (a write
 * judged in none: over the first caller's region).
 */
export function replayRefusal(caller: SubgraphContext['caller'], kept: Pick<KeptWrite, 'field' | 'region' | 'regions'>): string | null {
  const rules = kept.field ? mutationRules(kept.field) : [];
  if (!rules.length || !rules.every((r) => allows(caller, r))) return `${caller.role} may not have the answer of ${kept.field ?? 'this write'}`;
  const regions = typeof kept.regions === 'string' ? (JSON.parse(kept.regions) as string[]) : kept.regions;
  const judged = regions.length ? regions : kept.region ? [kept.region] : [];
  if (!judged.length || !judged.every((code) => inJurisdiction(caller, code))) return 'the write of this Idempotency-Key is outside your jurisdiction';
  return null;
}

const keptSince = (keepMs: number) => `now() - ${Math.max(0, Math.trunc(keepMs))} * interval '1 millisecond'`;

/**
 * Replays the kept answer of a mutation sent again with its key (after judging its caller as
 * the write was judged), refuses the key with another request, and keeps the answer of the
 * write that claimed it. Every outcome but a first write (which its own audit row records) is
 * audited: a replay, a refused replay, a reused key, a key in progress or applied.
 */
export function idempotencyPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue: ctx, request, operation }) {
          const idem = ctx.idempotency;
          if (!idem || operation.operation !== 'mutation') return null;
          idem.requestHash = createHash('sha256').update(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}])).digest('hex');
          const [kept] = await ctx.em.fork().getConnection().execute<KeptWrite[]>(
            `select request_hash, response, created_at, field, region, subject_id, regions from idempotency_key where subject = ? and key = ? and created_at > ${keptSince(idem.keepMs)}`,
            [ctx.caller.subject, idem.key],
          );
          if (!kept) return null;
          const [first] = operation.selectionSet.selections;
          const action = first?.kind === Kind.FIELD ? first.name.value : 'mutation';
          const audit = (outcome: 'ALLOWED' | 'REFUSED', reason: string) =>
            appendAudit(ctx.em.fork() as EntityManager, ctx.caller, ctx.requestId, { action, subjectId: kept.subject_id, outcome, reason });
          if (kept.request_hash !== idem.requestHash) {
            await audit('REFUSED', 'IDEMPOTENCY_KEY_REUSED');
            return refusal('this Idempotency-Key was used for another request', 'IDEMPOTENCY_KEY_REUSED', false);
          }
          if (kept.response) {
            const refused = replayRefusal(ctx.caller, kept);
            if (refused) {
              await audit('REFUSED', 'FORBIDDEN');
              return refusal(refused, 'FORBIDDEN', false);
            }
            await audit('ALLOWED', 'IDEMPOTENT_REPLAY');
            const answer = JSON.parse(idem.sealer.decrypt(kept.response)) as Record<string, unknown>;
            return { http: { status: 200, headers: new HeaderMap([['idempotent-replay', 'true']]) }, body: { kind: 'single', singleResult: answer } };
          }
          const age = Date.now() - new Date(kept.created_at).getTime();
          const [message, code, retryable] =
            age < IN_PROGRESS_MS
              ? (['a request with this Idempotency-Key is being processed; ask again', 'IDEMPOTENT_REQUEST_IN_PROGRESS', true] as const)
              : (['the request with this Idempotency-Key was applied; its answer was not kept', 'IDEMPOTENT_REQUEST_APPLIED', false] as const);
          await audit('REFUSED', code);
          return refusal(message, code, retryable);
        },
        async willSendResponse({ contextValue: ctx, response }) {
          const idem = ctx.idempotency;
          if (!idem?.claimed || response.body.kind !== 'single') return;
          await ctx.em.fork().getConnection().execute('update idempotency_key set response = ? where subject = ? and key = ?', [idem.sealer.encrypt(JSON.stringify(response.body.singleResult)), ctx.caller.subject, idem.key]);
        },
      };
    },
  };
}

/**
 * Claims the request's key inside the write's transaction (the kit's mutation middleware calls
 * it): a second request with the key, racing this one, waits on the row and is then refused as
 * in progress; this one's answer is kept once it is sent. A key past its keeping time, not yet
 * purged, is taken anew.
 */
export async function claimIdempotencyKey(tx: EntityManager, ctx: SubgraphContext): Promise<void> {
  const idem = ctx.idempotency;
  if (!idem?.requestHash) return;
  const conn = tx.getConnection();
  try {
    await conn.execute(`delete from idempotency_key where subject = ? and key = ? and created_at <= ${keptSince(idem.keepMs)}`, [ctx.caller.subject, idem.key], 'run', tx.getTransactionContext());
    await conn.execute('insert into idempotency_key (subject, key, request_hash) values (?, ?, ?)', [ctx.caller.subject, idem.key, idem.requestHash], 'run', tx.getTransactionContext());
  } catch (err) {
    if (isUniqueViolation(err, 'idempotency_key_pkey')) {
      throw new GraphQLError('a request with this Idempotency-Key is being processed; ask again', { extensions: { code: 'IDEMPOTENT_REQUEST_IN_PROGRESS', retryable: true } });
    }
    throw err;
  }
}

/**
 * Keeps with the claimed key what its write was judged on (in the write's transaction, once
 * the resolver passed its checks): the mutation, the caller's role, region and department,
 * what it named, and the regions its jurisdiction checks allowed.
 */
export async function keepIdempotentScope(tx: EntityManager, ctx: SubgraphContext, field: string, subjectId: string | null): Promise<void> {
  const idem = ctx.idempotency;
  if (!idem?.requestHash) return;
  const { caller } = ctx;
  await tx
    .getConnection()
    .execute(
      'update idempotency_key set field = ?, role = ?, region = ?, department = ?, subject_id = ?, regions = ?::jsonb where subject = ? and key = ?',
      [field, caller.role, caller.regionCode, caller.department ?? null, subjectId, JSON.stringify(writtenRegionsOf(caller)), caller.subject, idem.key],
      'run',
      tx.getTransactionContext(),
    );
}

/** Drops keys and answers past their keeping time (the subgraph's upkeep); returns how many. */
export async function purgeIdempotencyKeys(em: EntityManager, keepMs: number): Promise<number> {
  const result = await em.getConnection().execute<{ affectedRows?: number }>(`delete from idempotency_key where created_at <= ${keptSince(keepMs)}`, [], 'run');
  return result.affectedRows ?? 0;
}
