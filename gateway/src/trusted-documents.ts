import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import type { Caller } from '@fupin/kit';

/**
 * `off`: any document is served. `log-unknown`: any is served, and free text that is no
 * client's document is counted and audited. `enforce`: such free text is refused
 * (`OPERATION_NOT_TRUSTED`) for every role but ADMIN, before it is parsed or planned.
 * An id no manifest holds is refused (`PERSISTED_QUERY_NOT_FOUND`) in every mode.
 */
export type TrustedDocumentsMode = 'off' | 'log-unknown' | 'enforce';
export const TRUSTED_DOCUMENTS_MODES = ['off', 'log-unknown', 'enforce'] as const;

/**
 * A record of the gateway's own verdict on a caller, shaped like a subgraph's audit row (time,
 * actor, role, region, action, subject, outcome, reason, correlation id). The gateway has no
 * database: it hands each entry to its audit sink, a JSON line on stderr unless told otherwise.
 */
export interface GatewayAuditEntry {
  at: string;
  service: 'gateway';
  actor: string;
  role: string;
  region: string;
  action: 'trusted-document';
  /** The id asked for, or `sha256:<hex>` of free text (never the text: it may carry personal data). */
  subject: string;
  outcome: 'REFUSED' | 'ALLOWED';
  reason: 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_TRUSTED' | 'UNTRUSTED_LOGGED' | 'UNTRUSTED_ADMIN';
  requestId: string;
}

export type GatewayAudit = (entry: GatewayAuditEntry) => void;

/** The default sink: one JSON line on stderr, where a log collector picks the gateway's records up. */
export const auditToStderr: GatewayAudit = (entry) => void process.stderr.write(`${JSON.stringify({ audit: entry })}\n`);

export interface TrustedDocumentsCounts {
  /** Requests whose document came from a manifest by its id. */
  servedById: number;
  /** Ids no manifest holds (refused). */
  unknownId: number;
  /** Free text no manifest holds: served and logged (log-unknown, or ADMIN under enforce). */
  untrustedLogged: number;
  /** Free text no manifest holds: refused (enforce). */
  untrustedRefused: number;
}

const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * Every `<version>.json` of a directory (`sha256:<hex>` → document text), merged: several client
 * releases are live at once. A manifest whose id is not the hash of its text is refused at start.
 * A directory that does not exist holds no documents.
 */
export async function loadManifests(dir: string): Promise<{ documents: Map<string, string>; versions: string[] }> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const documents = new Map<string, string>();
  for (const file of files) {
    const manifest = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
    for (const [id, text] of Object.entries(manifest)) {
      if (typeof text !== 'string' || id !== sha256(text)) throw new Error(`trusted documents: ${join(dir, file)}: ${id} is not the sha256 of its document`);
      documents.set(id, text);
    }
  }
  return { documents, versions: files.map((f) => f.replace(/\.json$/, '')) };
}

interface Body {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** The gateway's list of documents clients may send, and its verdict on each request's. */
export class TrustedDocuments {
  readonly counts: TrustedDocumentsCounts = { servedById: 0, unknownId: 0, untrustedLogged: 0, untrustedRefused: 0 };
  private readonly texts: Set<string>;

  constructor(
    readonly mode: TrustedDocumentsMode,
    private readonly documents: Map<string, string>,
    private readonly audit: GatewayAudit = auditToStderr,
  ) {
    this.texts = new Set(documents.values());
  }

  /** How many documents the manifests hold. */
  get size(): number {
    return this.documents.size;
  }

  /**
   * Before Apollo sees a POST body: `{ documentId }` or Apollo's `extensions.persistedQuery.sha256Hash`
   * naming a known document becomes that document's text. Apollo's own APQ cache is off, so the
   * extension is always taken out; an unknown id is left for `check` to refuse.
   */
  resolve(body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const { documentId, extensions, ...rest } = body as Body;
    const hash = extensions?.persistedQuery?.sha256Hash;
    const id = typeof documentId === 'string' ? documentId : typeof hash === 'string' ? `sha256:${hash}` : undefined;
    if (id === undefined) return body;
    const { persistedQuery: _, ...otherExtensions } = extensions ?? {};
    const keep = Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {};
    const text = this.documents.get(id);
    if (text !== undefined) return { ...rest, ...keep, query: text, [RESOLVED]: id };
    // Apollo's form with the text beside the hash (a client registering it): the text is judged as free text.
    if (documentId === undefined && typeof rest.query === 'string') return { ...rest, ...keep };
    return { ...rest, ...keep, query: undefined, [UNKNOWN]: id };
  }

  /** In the request's context, before the DocumentScreen parses anything: throws the refusal, audits and counts. */
  check(body: unknown, query: unknown, caller: Caller, requestId: string): void {
    const record = (subject: string, outcome: GatewayAuditEntry['outcome'], reason: GatewayAuditEntry['reason']) =>
      this.audit({ at: new Date().toISOString(), service: 'gateway', actor: caller.subject, role: caller.role, region: caller.regionCode, action: 'trusted-document', subject, outcome, reason, requestId });
    const marked = body && typeof body === 'object' ? (body as Record<symbol, string>) : {};
    const unknown = marked[UNKNOWN];
    if (unknown !== undefined) {
      this.counts.unknownId++;
      record(unknown, 'REFUSED', 'PERSISTED_QUERY_NOT_FOUND');
      throw refuse('PersistedQueryNotFound: no client manifest holds this document id', 'PERSISTED_QUERY_NOT_FOUND');
    }
    if (marked[RESOLVED] !== undefined) {
      this.counts.servedById++;
      return;
    }
    if (this.mode === 'off' || typeof query !== 'string' || this.texts.has(query)) return;
    if (this.mode === 'enforce' && caller.role !== 'ADMIN') {
      this.counts.untrustedRefused++;
      record(sha256(query), 'REFUSED', 'OPERATION_NOT_TRUSTED');
      throw refuse('this operation is not one of the trusted documents: send a released client document by its documentId', 'OPERATION_NOT_TRUSTED');
    }
    this.counts.untrustedLogged++;
    record(sha256(query), 'ALLOWED', this.mode === 'enforce' ? 'UNTRUSTED_ADMIN' : 'UNTRUSTED_LOGGED');
  }
}

/** Marks on a resolved body, invisible to JSON and to Apollo. */
const RESOLVED = Symbol('trusted document id');
const UNKNOWN = Symbol('unknown document id');
