import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Caller, readCaller } from './caller.js';

export const TOKEN_ISSUER = 'fupin-hub';
export const TOKEN_AUDIENCE = 'fupin-hub';
const ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  jwks: { keys: JWK[] };
}

/** A fresh ES256 key pair: its private JWK and the public JWKS that verifies it. */
export async function createSigningKey(kid = `dev-${Date.now()}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  return { kid, privateJwk, jwks: { keys: [publicJwk] } };
}

/**
 * Development keys in the data folder, made on first use: `jwt-private.json` (only the
 * token command reads it) and `jwks.json` (what the gateway verifies with).
 */
export async function devSigningKey(dir: string): Promise<{ key: SigningKey; jwksPath: string }> {
  const privatePath = join(dir, 'jwt-private.json');
  const jwksPath = join(dir, 'jwks.json');
  if (!existsSync(privatePath) || !existsSync(jwksPath)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const key = await createSigningKey();
    await writeFile(privatePath, JSON.stringify(key.privateJwk), { mode: 0o600 });
    await writeFile(jwksPath, JSON.stringify(key.jwks, null, 2));
  }
  const privateJwk = JSON.parse(await readFile(privatePath, 'utf8')) as JWK;
  const jwks = JSON.parse(await readFile(jwksPath, 'utf8')) as { keys: JWK[] };
  return { key: { kid: privateJwk.kid!, privateJwk, jwks }, jwksPath };
}

export async function signToken(key: SigningKey, caller: Caller, expiresIn: string | number = '8h'): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, ALG);
  return new SignJWT({ role: caller.role, region: caller.regionCode, ...(caller.department ? { department: caller.department } : {}) })
    .setProtectedHeader({ alg: ALG, kid: key.kid })
    .setSubject(caller.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

/** Checks a bearer token: the caller, or why not. */
export interface TokenVerifier {
  (token: string): Promise<Caller | string>;
  /** How many tokens had their signature checked so far: a caller kept from an earlier check is not counted. */
  readonly signatureChecks: number;
}

export interface TokenVerifierOptions {
  /** How long a verified caller is kept (ms); 0 keeps none. */
  cacheMs?: number;
  /** How many callers are kept at most; the oldest goes first. */
  cacheSize?: number;
  /** The time (epoch ms) for expiry and for the cache: a test stops it instead of sleeping across a second. */
  now?: () => number;
}

/** Verifies bearer tokens against a JWKS file or URL; returns the caller or why not. */
export async function tokenVerifier(jwksSource: string, options: TokenVerifierOptions = {}): Promise<TokenVerifier> {
  const keys = /^https?:\/\//.test(jwksSource)
    ? createRemoteJWKSet(new URL(jwksSource))
    : createLocalJWKSet(JSON.parse(await readFile(jwksSource, 'utf8')));
  // A caseworker's client sends the same token with every request: its signature is checked
  // once, and the caller kept for a short while (never past the token's expiry).
  const cacheMs = options.cacheMs ?? 0;
  const cacheSize = options.cacheSize ?? 10_000;
  const clock = options.now ?? Date.now;
  const verified = new Map<string, { caller: Caller; until: number }>();
  let signatureChecks = 0;
  const verify = async (token: string): Promise<Caller | string> => {
    const now = clock();
    const hit = verified.get(token);
    if (hit && hit.until > now) return hit.caller;
    if (hit) verified.delete(token);
    try {
      signatureChecks++;
      const { payload } = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [ALG, 'RS256'], currentDate: new Date(now) });
      if (typeof payload.exp !== 'number') return 'token has no expiry';
      const caller = readCaller(payload as Record<string, unknown>);
      if (cacheMs > 0 && typeof caller !== 'string') {
        if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!); // the oldest
        verified.set(token, { caller, until: Math.min(now + cacheMs, payload.exp * 1000) });
      }
      return caller;
    } catch (err) {
      return (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'token has expired' : 'token does not verify';
    }
  };
  return Object.defineProperty(verify, 'signatureChecks', { get: () => signatureChecks }) as TokenVerifier;
}
