import { devSigningKey, PersonalDataCipher } from '@fupin/kit';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubSettings } from './settings.js';

export interface HubKeys {
  jwksSource: string;
  gatewaySecret: string;
  /** The registry's alone: it decrypts ID numbers. */
  piiKey: string;
  /** Derived from `piiKey` (HKDF): what departments are given to find members by ID number. */
  blindIndexKey: string;
  /** The hub's alone: each subgraph's role secret (its database roles' passwords) is derived from it. */
  databaseSecret: string;
}

/** One subgraph's role secret: it cannot derive another subgraph's role passwords from it. */
export const roleSecretOf = (keys: HubKeys, subgraph: string) => createHmac('sha256', keys.databaseSecret).update(`database roles of ${subgraph}`).digest('hex');

/** A secret kept in the data folder, made on first use. */
async function devSecret(dir: string, name: string, make: () => string): Promise<string> {
  const path = join(dir, name);
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(path, make(), { mode: 0o600 });
  }
  return (await readFile(path, 'utf8')).trim();
}

/**
 * Real deployments name their JWKS, gateway secret, personal-data key and database secret in the
 * environment. In development the hub makes them on first start in the data folder, so
 * `npm start` needs no extra step; production refuses to.
 */
export async function hubKeys(settings: HubSettings): Promise<HubKeys> {
  const dir = join(settings.dataDir, 'keys');
  const missing = (['FUPIN_JWKS', 'FUPIN_GATEWAY_SECRET', 'FUPIN_PII_KEY', 'FUPIN_DATABASE_SECRET'] as const).filter((k) => !settings[k]);
  if (missing.length && settings.FUPIN_MODE === 'production') throw new Error(`production needs ${missing.join(', ')}`);
  const piiKey = settings.FUPIN_PII_KEY ?? (await devSecret(dir, 'pii-key', PersonalDataCipher.newKey));
  return {
    jwksSource: settings.FUPIN_JWKS ?? (await devSigningKey(dir)).jwksPath,
    gatewaySecret: settings.FUPIN_GATEWAY_SECRET ?? (await devSecret(dir, 'gateway-secret', () => randomBytes(32).toString('base64url'))),
    piiKey,
    blindIndexKey: PersonalDataCipher.blindIndexKey(piiKey),
    databaseSecret: settings.FUPIN_DATABASE_SECRET ?? (await devSecret(dir, 'database-secret', () => randomBytes(32).toString('base64url'))),
  };
}
