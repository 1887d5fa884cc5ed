import { type Caller, DEPARTMENTS, json, readCaller, ROLES, type Route } from '@fupin/kit';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';

/** Where the caseworker's page is served, on the gateway's own origin (its calls to /graphql are same-origin). */
export const WEB_PATH = '/app/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Everything from this origin: the page runs on intranets, with no CDN, font or script from outside.
// ECharts sets inline styles on its canvas, hence 'unsafe-inline' for styles only.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The built page's files (web/dist), read once at start: a fixed set of exact routes, so no
 * request path ever reaches the file system (no traversal to guard). Routes use the hash
 * (`/app/#/household/…`), so `/app/` is the only HTML path.
 */
export function webRoutes(dir: string): Record<string, Route> {
  if (!existsSync(join(dir, 'index.html'))) return {};
  const routes: Record<string, Route> = {};
  for (const file of filesUnder(dir)) {
    const body = readFileSync(file);
    const rel = relative(dir, file).split(sep).join('/');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Vite names assets by their content hash: they may be kept; index.html must not be.
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const route: Route = (_req, res) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'content-length': body.length, ...SECURITY_HEADERS });
      res.end(body);
    };
    routes[`${WEB_PATH}${rel}`] = route;
    if (rel === 'index.html') routes[WEB_PATH] = route;
  }
  routes[WEB_PATH.slice(0, -1)] = (_req, res) => {
    res.writeHead(301, { location: WEB_PATH });
    res.end();
  };
  return routes;
}

/** Signs a development token for a caller the sign-in form describes. */
export type DevTokens = (caller: Caller) => Promise<string>;

/** What the page asks first: whether this hub signs development tokens (else it asks for one from the identity provider). */
export const webConfigRoute =
  (devTokens: DevTokens | undefined): Route =>
  (_req, res) =>
    json(res, 200, { devSignIn: Boolean(devTokens), roles: ROLES, departments: DEPARTMENTS });

/**
 * POST /app/dev-token {role, region, department?, subject?}: a token signed with the development
 * key, the same as `npm run token` prints. Development only: startGateway refuses to start in
 * production with it, and the hub passes it only in development without FUPIN_JWKS.
 */
export const devTokenPost =
  (devTokens: DevTokens) =>
  async (_req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> => {
    const b = (body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : undefined);
    const role = str(b.role);
    const caller = readCaller({ sub: str(b.subject) ?? `dev-${(role ?? 'user').toLowerCase()}`, role, region: str(b.region), department: str(b.department) });
    if (typeof caller === 'string') return json(res, 400, { error: caller });
    json(res, 200, { token: await devTokens(caller) });
  };
