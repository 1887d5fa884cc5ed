import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';

const contract = parse(readFileSync(new URL('../../schema/contract/operations.graphql', import.meta.url), 'utf8'));

/** An operation of the client contract (schema/contract/operations.graphql), as clients send it. */
export function contractOperation(name: string): string {
  const found = contract.definitions.find((d) => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!found) throw new Error(`no operation ${name} in the contract`);
  return print(found);
}
