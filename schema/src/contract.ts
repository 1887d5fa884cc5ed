import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type DefinitionNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';

/** The committed copy of the client contract (../shared/contract/operations.graphql). */
export const CONTRACT_PATH = fileURLToPath(new URL('../contract/operations.graphql', import.meta.url).href.replace('/dist/', '/'));

/**
 * Contract operations whose fields arrive with later issues. Each is still parsed; it must
 * start validating the day its issue lands, and then leaves this list. The one list: the
 * contract test, `npm run schema:check` and the typed client's codegen all read it here.
 */
export const PENDING_OPERATIONS: ReadonlySet<string> = new Set<string>([
  // Relapse prevention (issue 27)
  'ReportHardship', 'MonitoringCases', 'IdentifyMonitoringCase', 'AddAssistanceMeasure', 'ClearRisk',
  // Funds reaching households (issue 29)
  'HouseholdFunds', 'RegionFunds',
]);

export interface ContractOperation {
  name: string;
  /** The operation with the fragments it may spread: a document of its own. */
  document: { kind: Kind.DOCUMENT; definitions: DefinitionNode[] };
}

/** Every operation of the contract, pending ones included, each with the contract's fragments. */
export function contractOperations(source: string): { operations: ContractOperation[]; fragments: FragmentDefinitionNode[] } {
  const doc = parse(source);
  const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const operations = doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name?.value ?? '(anonymous)', document: { kind: Kind.DOCUMENT as const, definitions: [op, ...fragments] } }));
  return { operations, fragments };
}

/** The contract operations the supergraph serves today (not pending). */
export async function servedContractOperations(path = CONTRACT_PATH): Promise<ContractOperation[]> {
  return contractOperations(await readFile(path, 'utf8')).operations.filter((op) => !PENDING_OPERATIONS.has(op.name));
}
