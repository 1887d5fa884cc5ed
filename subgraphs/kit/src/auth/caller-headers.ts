import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Caller, readCaller } from './caller.js';

export const CALLER_HEADER = 'x-fupin-caller';
export const SIGNATURE_HEADER = 'x-fupin-caller-signature';

/**
 * The gateway vouches for the caller to subgraphs with an HMAC over the caller and an expiry.
 * A subgraph that cannot verify it refuses the request, so nobody reaches a subgraph's data
 * around the gateway, `_entities` included.
 */
export function signCaller(caller: Caller, secret: string, ttlSeconds = 60, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ sub: caller.subject, role: caller.role, region: caller.regionCode, department: caller.department, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: createHmac('sha256', secret).update(payload).digest('base64url') };
}

export type HeaderBag = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The caller the gateway signed for, or why the request is refused. */
export function verifyCaller(headers: HeaderBag, secret: string, now = Date.now()): Caller | string {
  const payload = one(headers[CALLER_HEADER]);
  const signature = one(headers[SIGNATURE_HEADER]);
  if (!payload || !signature) return 'no gateway credentials';
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'gateway credentials do not verify';
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'gateway credentials are malformed';
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now) return 'gateway credentials have expired';
  const { exp: _exp, ...rest } = claims;
  return readCaller(rest);
}
