import { createHubClient, type HubClient, HubRequestError } from '@fupin/client';

/** Who is signed in: the token and what it says (shown in the header). */
export interface Session {
  token: string;
  role: string;
  region: string;
  department?: string;
  subject: string;
  /** Epoch seconds. */
  expires: number;
}

const KEY = 'fupin.session';

/** The claims of a token, read (not verified: the gateway verifies) to show who is signed in. */
export function sessionFromToken(token: string): Session | string {
  const part = token.split('.')[1];
  if (!part) return '不是有效的令牌';
  try {
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    return {
      token,
      role: String(claims.role ?? ''),
      region: String(claims.region ?? ''),
      ...(typeof claims.department === 'string' ? { department: claims.department } : {}),
      subject: String(claims.sub ?? ''),
      expires: Number(claims.exp ?? 0),
    };
  } catch {
    return '不是有效的令牌';
  }
}

// The tab's session only: closing the browser signs out (a shared village computer).
export const loadSession = (): Session | null => {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
};
export const saveSession = (s: Session | null): void => (s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY));

/** The gateway's GraphQL endpoint on this origin (the page is served by the gateway at /app/). */
export const GRAPHQL_URL = new URL('/graphql', window.location.origin).toString();

/**
 * The typed client: every request goes by its document id from the client's manifest (trusted
 * documents), never as free text, so a gateway that enforces them serves the page.
 */
export function hubFor(session: Session): HubClient {
  return createHubClient({ url: GRAPHQL_URL, token: session.token, purpose: '入户核实', send: 'documentId' });
}

/** Development sign-in: the gateway signs a token for the chosen role (only when it offers to). */
export async function devSignIn(role: string, region: string, department: string | undefined, subject: string): Promise<Session | string> {
  const res = await fetch(new URL('/app/dev-token', window.location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, region, ...(department ? { department } : {}), ...(subject ? { subject } : {}) }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!res.ok || !body.token) return body.error ?? `登录失败（${res.status}）`;
  return sessionFromToken(body.token);
}

export interface WebConfig {
  devSignIn: boolean;
  roles: string[];
  departments: string[];
}

export async function webConfig(): Promise<WebConfig> {
  const res = await fetch(new URL('/app/config.json', window.location.origin));
  return res.ok ? ((await res.json()) as WebConfig) : { devSignIn: false, roles: [], departments: [] };
}

/** What a failed request means for the page. */
export type Failure =
  | { kind: 'expired' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'error'; message: string; codes: string[] };

export function failureOf(err: unknown): Failure {
  if (err instanceof HubRequestError) {
    if (err.has('UNAUTHENTICATED') || err.status === 401) return { kind: 'expired' };
    if (err.has('FORBIDDEN')) return { kind: 'forbidden', message: err.errors.find((e) => e.extensions?.code === 'FORBIDDEN')?.message ?? '' };
    return { kind: 'error', message: err.errors.map((e) => e.message).join('；'), codes: err.codes };
  }
  return { kind: 'error', message: err instanceof Error ? err.message : String(err), codes: [] };
}

/** The departments a partial answer lacks (DEPARTMENT_UNAVAILABLE), by subgraph name. */
export function unavailableDepartments(err: unknown): string[] {
  if (!(err instanceof HubRequestError)) return [];
  return [...new Set(err.errors.filter((e) => e.extensions?.code === 'DEPARTMENT_UNAVAILABLE').map((e) => String(e.extensions?.department ?? '')))];
}

export { HubRequestError };
