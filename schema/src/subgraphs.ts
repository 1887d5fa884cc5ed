import type { SubgraphDefinition } from '@fupin/kit';
import { healthInsurance } from '@fupin/health-insurance';
import { households } from '@fupin/households';

/** Every subgraph of the supergraph, in composition order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SUBGRAPHS: SubgraphDefinition<any>[] = [households, healthInsurance];

/** The URL written into the supergraph: the local default; the gateway overrides it from its environment. */
export const defaultUrl = (def: SubgraphDefinition) => `http://127.0.0.1:${def.defaultPort}/graphql`;
