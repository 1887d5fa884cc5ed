import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import {
  allows,
  type Caller,
  CALLER_HEADER,
  createSigningKey,
  inJurisdiction,
  jurisdictionRange,
  readCaller,
  SIGNATURE_HEADER,
  bodyHashOf,
  signCaller,
  signToken,
  tokenVerifier,
  verifyCaller,
} from '../src/index.js';

// Who a caller is, and what the gateway vouches for: each refusal for the reason it names.

const caseworker: Caller = { subject: 'cw-wang', role: 'CASEWORKER', regionCode: '420115101201' };
const officer: Caller = { subject: 'dept-li', role: 'DEPARTMENT_OFFICER', regionCode: '420115000000', department: 'HEALTH_INSURANCE' };

describe('claims → caller', () => {
  test('a caller, and a department officer with a department', () => {
    expect(readCaller({ sub: 'cw-wang', role: 'CASEWORKER', region: '420115101201' })).toEqual(caseworker);
    expect(readCaller({ sub: 'dept-li', role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'HEALTH_INSURANCE' })).toEqual(officer);
    expect(readCaller({ sub: 'admin', role: 'ADMIN', region: '000000000000' })).toEqual({ subject: 'admin', role: 'ADMIN', regionCode: '000000000000' });
    expect(readCaller({ sub: 'x'.repeat(100), role: 'AUDITOR', region: '420115000000' })).toMatchObject({ subject: 'x'.repeat(100) });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['no subject', { role: 'ADMIN', region: '000000000000' }, 'subject (sub) is missing'],
    ['an empty subject', { sub: '', role: 'ADMIN', region: '000000000000' }, 'subject (sub) is missing'],
    ['a subject too long', { sub: 'x'.repeat(101), role: 'ADMIN', region: '000000000000' }, 'subject (sub) is missing'],
    ['an unknown role', { sub: 'a', role: 'ROOT', region: '000000000000' }, 'role is not one of ADMIN, COUNTY_OFFICER, CASEWORKER, DEPARTMENT_OFFICER, AUDITOR'],
    ['a role that is no string', { sub: 'a', role: 1, region: '000000000000' }, 'role is not one of ADMIN, COUNTY_OFFICER, CASEWORKER, DEPARTMENT_OFFICER, AUDITOR'],
    ['a region that is no code', { sub: 'a', role: 'ADMIN', region: '4201' }, 'region is not a region code'],
    ['no region', { sub: 'a', role: 'ADMIN' }, 'region is not a region code'],
    ['an officer with no department', { sub: 'a', role: 'DEPARTMENT_OFFICER', region: '420115000000' }, 'a DEPARTMENT_OFFICER needs a department: HEALTH_INSURANCE, EDUCATION_AID, HOUSING_REPAIR, EMPLOYMENT'],
    ['an officer of an unknown department', { sub: 'a', role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'POLICE' }, 'a DEPARTMENT_OFFICER needs a department: HEALTH_INSURANCE, EDUCATION_AID, HOUSING_REPAIR, EMPLOYMENT'],
    ['a department on another role', { sub: 'a', role: 'CASEWORKER', region: '420115000000', department: 'HEALTH_INSURANCE' }, 'only a DEPARTMENT_OFFICER has a department'],
  ])('refused: %s', (_what, claims, why) => {
    expect(readCaller(claims)).toBe(why);
  });
});

describe('jurisdiction', () => {
  test('a region and everything below it; the country is everything', () => {
    expect(inJurisdiction(caseworker, '420115101201')).toBe(true);
    expect(inJurisdiction(caseworker, '420115101202')).toBe(false);
    expect(inJurisdiction(officer, '420115101202')).toBe(true);
    expect(inJurisdiction(officer, '420116101201')).toBe(false);
    expect(inJurisdiction({ ...officer, regionCode: '000000000000' }, '650102001001')).toBe(true);
    expect(jurisdictionRange(officer)).toEqual({ lo: '420115000000', hi: '420115\uffff00000' });
  });

  test('role rules: a role, or an officer of one department', () => {
    expect(allows(caseworker, [])).toBe(true);
    expect(allows(caseworker, ['CASEWORKER', 'ADMIN'])).toBe(true);
    expect(allows(caseworker, ['ADMIN'])).toBe(false);
    expect(allows(officer, ['DEPARTMENT_OFFICER:HEALTH_INSURANCE'])).toBe(true);
    expect(allows(officer, ['DEPARTMENT_OFFICER:EDUCATION_AID'])).toBe(false);
    expect(allows(caseworker, ['CASEWORKER:HEALTH_INSURANCE'])).toBe(false);
    expect(allows(officer, ['DEPARTMENT_OFFICER'])).toBe(true);
  });
});

describe('the gateway vouches for callers with a signed header, for one request', () => {
  const secret = 'the-gateway-secret-the-gateway-secret';
  const now = Date.parse('2026-06-01T08:00:00Z');
  const call = { method: 'POST', path: '/graphql', service: 'households' };
  const body = '{"query":"{ __typename }"}';
  const sign = (caller: typeof officer, ttl = 60, at = now, target: Partial<typeof call> & { body?: string } = {}) => signCaller(caller, secret, { ...call, body, ...target }, ttl, at);
  const hash = bodyHashOf(body);

  test('signed and verified: the same caller comes back, with the hash its body must have', () => {
    expect(verifyCaller(sign(officer), secret, call, now)).toEqual({ caller: officer, bodyHash: hash });
    expect(verifyCaller(sign(caseworker), secret, call, now + 59_000)).toEqual({ caller: caseworker, bodyHash: hash });
    expect(verifyCaller(sign(caseworker), secret, { ...call, method: 'post' }, now)).toEqual({ caller: caseworker, bodyHash: hash });
    expect(bodyHashOf(Buffer.from(body))).toBe(hash);
    expect(bodyHashOf('{"query":"{ __typename } "}')).not.toBe(hash);
  });

  test('an array header counts its first value', () => {
    const h = sign(caseworker);
    expect(verifyCaller({ [CALLER_HEADER]: [h[CALLER_HEADER]!, 'junk'], [SIGNATURE_HEADER]: [h[SIGNATURE_HEADER]!] }, secret, call, now)).toEqual({ caller: caseworker, bodyHash: hash });
  });

  test.each<[string, () => Record<string, string | string[]>, string]>([
    ['nothing', () => ({}), 'no gateway credentials'],
    ['no signature', () => ({ [CALLER_HEADER]: sign(caseworker)[CALLER_HEADER]! }), 'no gateway credentials'],
    ['no caller', () => ({ [SIGNATURE_HEADER]: sign(caseworker)[SIGNATURE_HEADER]! }), 'no gateway credentials'],
    ['another secret', () => signCaller(caseworker, 'another-secret-another-secret-another', { ...call, body }, 60, now), 'gateway credentials do not verify'],
    ['a short signature', () => ({ ...sign(caseworker), [SIGNATURE_HEADER]: 'abc' }), 'gateway credentials do not verify'],
    ['a caller swapped under a valid signature', () => ({ ...sign(officer), [SIGNATURE_HEADER]: sign(caseworker)[SIGNATURE_HEADER]! }), 'gateway credentials do not verify'],
    ['an expired one', () => sign(caseworker, 60, now - 61_000), 'gateway credentials have expired'],
    ['one for another method', () => sign(caseworker, 60, now, { method: 'GET' }), 'gateway credentials are for another request'],
    ['one for another path', () => sign(caseworker, 60, now, { path: '/internal/coverage' }), 'gateway credentials are for another request'],
    ['one for another service', () => sign(caseworker, 60, now, { service: 'health-insurance' }), 'gateway credentials are for another request'],
    ['a validly signed payload that is no JSON', () => signed('not json'), 'gateway credentials are malformed'],
    ['a validly signed payload with no expiry', () => signed(JSON.stringify({ sub: 'x', role: 'ADMIN', region: '000000000000' })), 'gateway credentials have expired'],
    ['a validly signed caller bound to no request', () => signed(JSON.stringify({ sub: 'x', role: 'ADMIN', region: '000000000000', exp: now / 1000 + 60 })), 'gateway credentials are for another request'],
    ['validly signed claims that are no caller', () => signed(JSON.stringify({ sub: 'x', role: 'ROOT', region: '000000000000', exp: now / 1000 + 60, m: 'POST', p: '/graphql', s: 'households', b: hash })), 'role is not one of ADMIN, COUNTY_OFFICER, CASEWORKER, DEPARTMENT_OFFICER, AUDITOR'],
  ])('refused: %s', (_what, headers, why) => {
    expect(verifyCaller(headers(), secret, call, now)).toBe(why);
  });

  function signed(text: string): Record<string, string> {
    const payload = Buffer.from(text).toString('base64url');
    return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: createHmac('sha256', secret).update(payload).digest('base64url') };
  }
});

describe('tokens', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fupin-jwks-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a token signed by the JWKS key gives its caller; expired, foreign, unsigned or wrong-audience tokens are refused', async () => {
    const key = await createSigningKey('k1');
    const other = await createSigningKey('k2');
    const path = join(dir, 'jwks.json');
    await writeFile(path, JSON.stringify(key.jwks));
    // A stopped clock, read before signing: a token of one second is inside it, wherever the second boundary falls.
    const at = Date.now();
    const verify = await tokenVerifier(path, { now: () => at });
    expect(await verify(await signToken(key, officer))).toEqual(officer);
    expect(await verify(await signToken(key, caseworker, '1s'))).toEqual(caseworker);
    expect(await verify(await signToken(key, caseworker, -10))).toBe('token has expired');
    expect(await verify(await signToken(other, caseworker))).toBe('token does not verify');
    expect(await verify('not.a.token')).toBe('token does not verify');
    const { importJWK } = await import('jose');
    const pk = await importJWK(key.privateJwk, 'ES256');
    const base = new SignJWT({ role: 'ADMIN', region: '000000000000' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('a').setIssuer('fupin-hub');
    expect(await verify(await base.setAudience('someone-else').setExpirationTime('1h').sign(pk))).toBe('token does not verify');
    const noExpiry = await new SignJWT({ role: 'ADMIN', region: '000000000000' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('a').setIssuer('fupin-hub').setAudience('fupin-hub').sign(pk);
    expect(await verify(noExpiry)).toBe('token has no expiry');
    const badClaims = await new SignJWT({ role: 'ROOT', region: '000000000000' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('a').setIssuer('fupin-hub').setAudience('fupin-hub').setExpirationTime('1h').sign(pk);
    expect(await verify(badClaims)).toBe('role is not one of ADMIN, COUNTY_OFFICER, CASEWORKER, DEPARTMENT_OFFICER, AUDITOR');
  });

  test('a token is good until the second its expiry names, and not in that second', async () => {
    const key = await createSigningKey('k1');
    const path = join(dir, 'jwks-expiry.json');
    await writeFile(path, JSON.stringify(key.jwks));
    let now = Date.parse('2026-06-01T08:00:00.000Z');
    const verify = await tokenVerifier(path, { now: () => now });
    const token = await signToken(key, caseworker, now / 1000 + 1);
    expect(await verify(token)).toEqual(caseworker);
    now += 999;
    expect(await verify(token)).toEqual(caseworker);
    now += 1;
    expect(await verify(token)).toBe('token has expired');
  });

  test('a verified caller is kept for a while (its signature not checked again), never past its token’s expiry; a refused token is never kept', async () => {
    const key = await createSigningKey('k1');
    const path = join(dir, 'jwks-cache.json');
    await writeFile(path, JSON.stringify(key.jwks));
    const start = Date.parse('2026-06-01T08:00:00.000Z');
    let now = start;
    const verify = await tokenVerifier(path, { cacheMs: 60_000, cacheSize: 2, now: () => now });
    const longLived = await signToken(key, caseworker, start / 1000 + 3600);
    expect(await verify(longLived)).toEqual(caseworker);
    expect(verify.signatureChecks).toBe(1);
    for (let i = 0; i < 5; i++) expect(await verify(longLived)).toEqual(caseworker);
    expect(verify.signatureChecks).toBe(1);
    // Kept for cacheMs, then checked again.
    now = start + 59_999;
    expect(await verify(longLived)).toEqual(caseworker);
    expect(verify.signatureChecks).toBe(1);
    now = start + 60_000;
    expect(await verify(longLived)).toEqual(caseworker);
    expect(verify.signatureChecks).toBe(2);

    // A token that expires before cacheMs is up: kept until its expiry, then checked, and refused.
    const shortLived = await signToken(key, officer, now / 1000 + 2);
    expect(await verify(shortLived)).toEqual(officer);
    expect(verify.signatureChecks).toBe(3);
    now += 1_999;
    expect(await verify(shortLived)).toEqual(officer);
    expect(verify.signatureChecks).toBe(3);
    now += 1;
    expect(await verify(shortLived)).toBe('token has expired');
    expect(verify.signatureChecks).toBe(4);

    // A refused token is checked every time.
    const expired = await signToken(key, caseworker, now / 1000 - 10);
    expect(await verify(expired)).toBe('token has expired');
    expect(await verify(expired)).toBe('token has expired');
    expect(verify.signatureChecks).toBe(6);

    // At most cacheSize callers are kept: a third pushes out the oldest, which is checked again.
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => signToken(key, { ...caseworker, subject: `cw-${n}` }, now / 1000 + 3600)));
    for (const t of [a!, b!]) await verify(t);
    expect(verify.signatureChecks).toBe(8);
    await verify(a!);
    await verify(b!);
    expect(verify.signatureChecks).toBe(8);
    await verify(c!);
    expect(await verify(b!)).toMatchObject({ subject: 'cw-2' });
    expect(verify.signatureChecks).toBe(9);
    expect(await verify(a!)).toMatchObject({ subject: 'cw-1' });
    expect(verify.signatureChecks).toBe(10);
  });
});
