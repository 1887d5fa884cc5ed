import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type Caller, readCaller } from './caller.js';

export const CALLER_HEADER = 'x-fupin-caller';
export const SIGNATURE_HEADER = 'x-fupin-caller-signature';

/** The one request a signature is for: a captured header is good for no other method, path, service or body. */
export interface SignedTarget {
  method: string;
  /** The URL's path (`/graphql`, `/internal/coverage`). */
  path: string;
  /** The subgraph's name (`households`, `health-insurance`). */
  service: string;
  body: string | Buffer;
}

export const bodyHashOf = (body: string | Buffer) => createHash('sha256').update(body).digest('base64url');

/**
 * The gateway vouches for the caller to a subgraph with an HMAC over the caller, an expiry and
 * the request it is for (method, path, target service and a hash of the body). A subgraph that
 * cannot verify it refuses the request, so nobody reaches a subgraph's data around the
 * gateway, `_entities` included, and a header seen once cannot be replayed to another service,
 * path or body.
 */
export function signCaller(caller: Caller, secret: string, target: SignedTarget, ttlSeconds = 60, now = Date.now()): Record<string, string> {
  const claims = {
    sub: caller.subject,
    role: caller.role,
    region: caller.regionCode,
    department: caller.department,
    exp: Math.floor(now / 1000) + ttlSeconds,
    m: target.method.toUpperCase(),
    p: target.path,
    s: target.service,
    b: bodyHashOf(target.body),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: createHmac('sha256', secret).update(payload).digest('base64url') };
}

export type HeaderBag = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A caller the gateway signed for, and the hash the body must have. */
export interface VerifiedCaller {
  caller: Caller;
  bodyHash: string;
}

/**
 * The caller the gateway signed for this method, path and service, or why the request is
 * refused: checked from the headers alone, before the body is read (the body is then held to
 * `bodyHash`).
 */
export function verifyCaller(headers: HeaderBag, secret: string, expected: Omit<SignedTarget, 'body'>, now = Date.now()): VerifiedCaller | string {
  const payload = one(headers[CALLER_HEADER]);
  const signature = one(headers[SIGNATURE_HEADER]);
  if (!payload || !signature) return 'no gateway credentials';
  const wanted = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'gateway credentials do not verify';
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'gateway credentials are malformed';
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) return 'gateway credentials have expired';
  if (claims.m !== expected.method.toUpperCase() || claims.p !== expected.path || claims.s !== expected.service || typeof claims.b !== 'string') {
    return 'gateway credentials are for another request';
  }
  const { exp: _exp, m: _m, p: _p, s: _s, b, ...rest } = claims;
  const caller = readCaller(rest);
  return typeof caller === 'string' ? caller : { caller, bodyHash: b as string };
}
