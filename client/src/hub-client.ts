import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * The header a caller states the purpose of its reads in (issue 28: 入户核实, 信息比对, 督查, 帮扶 …),
 * percent-encoded UTF-8 since HTTP header values are Latin-1.
 */
export const PURPOSE_HEADER = 'x-fupin-purpose';

export interface HubClientOptions {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** A bearer token, or a function asked before each request (a token that is refreshed). */
  token?: string | (() => string | Promise<string>);
  /** Why the caller reads (sent in PURPOSE_HEADER); where the gateway asks for one, sensitive fields need it. */
  purpose?: string;
  /**
   * How a generated document is sent: by its id in the trusted-documents manifest
   * (`documentId`, the default, what a gateway enforcing trusted documents serves), or as text.
   * A document without an id (written by hand) always goes as text.
   */
  send?: 'documentId' | 'query';
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Defaults to the global fetch (Node ≥ 18, browsers). */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Names one write so a retry replays its answer instead of writing twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** One error of a GraphQL response, as the gateway sends it. */
export interface HubGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A request the hub answered with errors (or not at all): `codes` holds each error's
 * `extensions.code` (FORBIDDEN, DEPARTMENT_UNAVAILABLE, OPERATION_NOT_TRUSTED …), and `data`
 * what the hub answered anyway, since a department that is down costs only its own fields.
 */
export class HubRequestError<TData = unknown> extends Error {
  override readonly name = 'HubRequestError';
  readonly codes: string[];

  constructor(
    readonly errors: HubGraphQLError[],
    readonly data: TData | null,
    /** The HTTP status of the answer. */
    readonly status: number,
    /** The operation's name, for messages and logs. */
    readonly operationName?: string,
  ) {
    super(`${operationName ?? 'request'} failed: ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ')}`);
    this.codes = errors.map((e) => e.extensions?.code ?? 'ERROR');
  }

  /** Whether any error has this code. */
  has(code: string): boolean {
    return this.codes.includes(code);
  }
}

export interface HubClient {
  /** Runs a typed document; resolves to its data, or throws a HubRequestError (with partial data kept). */
  request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...args: Record<string, never> extends TVariables ? [variables?: TVariables, options?: RequestOptions] : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult>;
}

const operationNameOf = (document: TypedDocumentNode<unknown, never>) =>
  document.definitions.map((d) => (d.kind === 'OperationDefinition' ? d.name?.value : undefined)).find(Boolean);

/** A small client of the hub: typed documents in, typed data out, errors with their codes. */
export function createHubClient(options: HubClientOptions): HubClient {
  const send = options.send ?? 'documentId';
  const doFetch = options.fetch ?? fetch;
  const texts = new WeakMap<object, string>();
  return {
    async request(document, ...[variables, init]) {
      const operationName = operationNameOf(document as TypedDocumentNode<unknown, never>);
      const id = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
      let text = texts.get(document);
      if (!text && !(send === 'documentId' && id)) texts.set(document, (text = print(document)));
      const body = send === 'documentId' && id ? { documentId: id, variables, operationName } : { query: text, variables, operationName };
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      const res = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...options.headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.purpose ? { [PURPOSE_HEADER]: encodeURIComponent(options.purpose) } : {}),
          ...(init?.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}),
        },
        body: JSON.stringify(body),
        ...(init?.signal ? { signal: init.signal } : {}),
      });
      let payload: { data?: unknown; errors?: HubGraphQLError[] };
      try {
        payload = (await res.json()) as typeof payload;
      } catch {
        throw new HubRequestError([{ message: `the hub answered ${res.status} without a GraphQL response`, extensions: { code: 'BAD_RESPONSE' } }], null, res.status, operationName);
      }
      const data = (payload.data ?? null) as Awaited<ReturnType<HubClient['request']>> | null;
      if (payload.errors?.length || data === null) {
        throw new HubRequestError(payload.errors?.length ? payload.errors : [{ message: `the hub answered ${res.status} with no data`, extensions: { code: 'BAD_RESPONSE' } }], data, res.status, operationName);
      }
      return data as never;
    },
  };
}
