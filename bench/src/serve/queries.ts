import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@fupin/hub';

/** bench/queries.graphql, one operation by name (test/statement-budget.test.ts reads the same file). */
function operation(name: string): string {
  const text = readFileSync(join(REPO_ROOT, 'bench/queries.graphql'), 'utf8');
  const found = new RegExp(`query ${name}\\b[\\s\\S]*?\\n}\\n`).exec(text);
  if (!found) throw new Error(`bench/queries.graphql has no ${name}`);
  return found[0];
}

export const HOUSEHOLD_VIEW = operation('HouseholdView');
export const VILLAGE_PAGE = operation('VillagePage');
