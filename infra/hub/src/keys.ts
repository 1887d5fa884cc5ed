import { devSigningKey } from '@fupin/kit';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubSettings } from './settings.js';

export interface HubKeys {
  jwksSource: string;
  gatewaySecret: string;
}

/**
 * Real deployments name their JWKS and gateway secret in the environment. In development
 * the hub makes both on first start in the data folder, so `npm start` needs no extra step.
 */
export async function hubKeys(settings: HubSettings): Promise<HubKeys> {
  const dir = join(settings.dataDir, 'keys');
  let jwksSource = settings.FUPIN_JWKS;
  let gatewaySecret = settings.FUPIN_GATEWAY_SECRET;
  if (!jwksSource || !gatewaySecret) {
    if (settings.FUPIN_MODE === 'production') throw new Error('production needs FUPIN_JWKS and FUPIN_GATEWAY_SECRET');
  }
  if (!jwksSource) jwksSource = (await devSigningKey(dir)).jwksPath;
  if (!gatewaySecret) {
    const path = join(dir, 'gateway-secret');
    if (!existsSync(path)) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
    }
    gatewaySecret = (await readFile(path, 'utf8')).trim();
  }
  return { jwksSource, gatewaySecret };
}
