import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { IDEMPOTENCY_HEADER } from '@fupin/kit';
import { BATCH_HEADER, batchKeyOf } from './batching.js';
import type { GatewayContext } from './gateway.js';
import { DEADLINE_HEADER, SIGN_AS_HEADER, Unavailable, type UnavailableReason } from './subgraph-client.js';

const RETRYABLE_STATUS = new Set([502, 503, 504]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function reasonOf(err: unknown): UnavailableReason {
  if (err instanceof Unavailable) return err.reason;
  const name = (err as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
  // A body that is no JSON, or JSON that is no object. (Names, not instanceof: fetch's errors come from another realm under test.)
  if (name === 'SyntaxError' || /^Expected JSON response body/.test((err as Error).message ?? '')) return 'BAD_RESPONSE';
  // The socket's own error: refused, reset, closed under the request, no such host.
  if (UNREACHABLE_CODES.has((err as { code?: string }).code ?? '')) return 'UNREACHABLE';
  return 'FAILED';
}

/** Where in the client's response the fetch's fields are: its path, list positions left out, then each field it asked for. */
function affectedPaths(path: readonly (string | number)[] | undefined, document: DocumentNode | undefined): (string | number)[][] {
  const base = (path ?? []).filter((p) => p !== '@');
  const op = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const top = op?.selectionSet.selections ?? [];
  // An entity fetch asks `_entities { ... on Household { fields } }`; a root fetch asks its fields.
  const inner = top.flatMap((s) => (s.kind === Kind.FIELD && s.name.value === '_entities' ? (s.selectionSet?.selections ?? []) : [s]));
  const fields = inner.flatMap((s) => (s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet.selections : [s]));
  const names = [...new Set(fields.flatMap((f) => (f.kind === Kind.FIELD && f.name.value !== '__typename' ? [f.alias?.value ?? f.name.value] : [])))];
  return names.length ? names.map((n) => [...base, n]) : [base];
}

/**
 * A subgraph answers 400 when a variable fails its scalar (a Money with three decimals):
 * the client's mistake, passed on as the subgraph worded it. A subgraph that is down, slower
 * than its deadline, failing or answering something that is no GraphQL response becomes
 * DEPARTMENT_UNAVAILABLE naming it and the fields it leaves null; the rest of the answer
 * stands. Internal addresses and exceptions stay inside. Reads are tried again a few times
 * when the subgraph could not be reached; mutations never.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly department: string,
    private readonly retries: number,
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Only the caller the gateway verified reaches a subgraph, whatever the client sent.
    if (!('caller' in context) || !context.caller) throw new GraphQLError('no caller', { extensions: { code: 'UNAUTHENTICATED' } });
    // Signed by the fetcher for the call it makes (its method, path, service and body: a batch's whole body).
    request.http!.headers.set(SIGN_AS_HEADER, JSON.stringify(context.caller));
    request.http!.headers.set('x-request-id', context.requestId);
    if (context.deadline) request.http!.headers.set(DEADLINE_HEADER, String(context.deadline));
    request.http!.headers.set(BATCH_HEADER, batchKeyOf(context));
    if (context.idempotencyKey && /^\s*mutation\b/.test(request.query ?? '')) request.http!.headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const incoming = options.kind === 'incoming operation' ? options : undefined;
    const read = !incoming
      ? true
      : incoming.document
        ? incoming.document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query')
        : !/^\s*mutation\b/.test(incoming.request.query ?? '');
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await super.process(options);
        // A 200 that is no GraphQL response (a proxy's page, a half-written body) is no answer.
        const data = (response as { data?: unknown }).data;
        const entities = data && typeof data === 'object' ? (data as { _entities?: unknown })._entities : undefined;
        if ((data === undefined && !response.errors) || (data !== undefined && data !== null && typeof data !== 'object') || (entities !== undefined && !Array.isArray(entities))) {
          throw new Unavailable('BAD_RESPONSE', 'the answer is no GraphQL response');
        }
        // The subgraph refused the whole operation: its error, placed where its fields are. A
        // department whose roster copy is behind could not be consulted, like one that is down.
        if (response.errors?.length && (data === undefined || data === null) && response.errors.every((e) => !e.path)) {
          const [first] = response.errors;
          const paths = affectedPaths(incoming?.pathInIncomingRequest, incoming ? (incoming.document ?? parse(incoming.request.query ?? '{ __typename }')) : undefined);
          const behind = first!.extensions?.code === 'ROSTER_BEHIND' ? { code: 'DEPARTMENT_UNAVAILABLE', reason: 'ROSTER_BEHIND' } : {};
          throw new GraphQLError(first!.message, { path: paths[0], extensions: { ...first!.extensions, ...behind, department: this.department, affects: paths.map((p) => p.join('.')) } });
        }
        return response;
      } catch (err) {
        if (err instanceof GraphQLError && !(err.originalError instanceof Unavailable)) throw err; // the client's own (400, 401, 403)
        const reason = reasonOf(err instanceof GraphQLError ? err.originalError : err);
        if (read && reason === 'UNREACHABLE' && attempt < this.retries && !(Date.now() >= options.context.deadline)) {
          // Jittered, growing pauses: a restarting subgraph is not hit by every gateway at once.
          await new Promise((r) => setTimeout(r, (50 + Math.random() * 100) * (attempt + 1)));
          continue;
        }
        const paths = affectedPaths(incoming?.pathInIncomingRequest, incoming ? (incoming.document ?? parse(incoming.request.query ?? '{ __typename }')) : undefined);
        throw new GraphQLError(`${this.department} is unavailable (${reason.toLowerCase().replace('_', ' ')}); its fields are null`, {
          path: paths[0],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: this.department, reason, retryable: true, affects: paths.map((p) => p.join('.')) },
        });
      }
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async errorFromResponse(response: any): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const first = body?.errors?.[0];
    if (response.status === 400 && first?.extensions?.code === 'BAD_USER_INPUT') {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (response.status === 401 || response.status === 403) {
      return new GraphQLError(`subgraph answered ${response.status}`, { extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
    }
    const reason = RETRYABLE_STATUS.has(response.status) ? 'UNREACHABLE' : 'FAILED';
    return new GraphQLError(`subgraph answered ${response.status}`, { originalError: new Unavailable(reason, `answered ${response.status}`) });
  }
}

