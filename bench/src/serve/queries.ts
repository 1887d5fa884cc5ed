import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@fupin/hub';

const operation = (file: string, name: string): string => {
  const found = new RegExp(`query ${name}\\b[\\s\\S]*?\\n}\\n`).exec(readFileSync(join(REPO_ROOT, file), 'utf8'));
  if (!found) throw new Error(`${file} has no ${name}`);
  return found[0];
};

/** The contract's HouseholdView as a caseworker's screen asks it, without `coverage` (test/statement-budget.test.ts asks the same). */
export const HOUSEHOLD_VIEW = operation('schema/contract/operations.graphql', 'HouseholdView').replace(/\n {4}coverage\(year: \$year\) \{[\s\S]*?\n {4}\}/, '');

/** A county office paging through a village (bench/queries.graphql). */
export const VILLAGE_PAGE = operation('bench/queries.graphql', 'VillagePage');
