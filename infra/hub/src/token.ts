import { DEPARTMENTS, devSigningKey, readCaller, ROLES, settingsOrExit, signToken } from '@fupin/kit';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hubSettings } from './settings.js';

/**
 * Development tokens, signed with the key `npm start` made in the data folder:
 *   npm run --silent token -- --role ROLE --region CODE [--department DEPT] [--subject NAME] [--expires 8h]
 */
const usage = `usage: npm run --silent token -- --role ROLE --region CODE [--department DEPT] [--subject NAME] [--expires 8h]
  ROLE: ${ROLES.join(', ')}
  CODE: a 12-digit region code (000000000000: the whole country)
  DEPT: ${DEPARTMENTS.join(', ')} (DEPARTMENT_OFFICER only)`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      department: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(64);
}
const caller = readCaller({ sub: values.subject ?? `dev-${(values.role ?? 'user').toLowerCase()}`, role: values.role, region: values.region, department: values.department });
if (typeof caller === 'string') {
  console.error(`${caller}\n${usage}`);
  process.exit(64);
}
const settings = settingsOrExit(() => hubSettings());
if (settings.FUPIN_JWKS) {
  console.error('FUPIN_JWKS is set: tokens come from your identity provider, not from this development command');
  process.exit(64);
}
const { key } = await devSigningKey(join(settings.dataDir, 'keys'));
console.log(await signToken(key, caller, values.expires));
