import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import { auditLogModule } from '../audit/audit-log.resolver.js';
import { auditMutations } from '../audit/audit.middleware.js';
import { authChecker } from '../auth/authorize.js';
import { DateScalar, MoneyScalar } from './scalars.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

// Reference resolvers are keyed by type name; their signature is Apollo's, not ours.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, { __resolveReference: (ref: any, ctx: any) => unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL that composition reads. */
  sdl: string;
}

/**
 * type-graphql builds the schema from the classes; Apollo's subgraph library then adds
 * `_entities`/`_service`. Built once per process: a schema per request would be costly.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap'>,
  references: ReferenceResolvers = {},
): Promise<FederatedSchema> {
  const built = await buildSchema({
    ...options,
    skipCheck: true,
    validate: false,
    authChecker,
    authMode: 'error',
    globalMiddlewares: [auditMutations, ...(options.globalMiddlewares ?? [])],
    scalarsMap: [{ type: Date, scalar: DateScalar }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}`;
  const resolvers = createResolversMap(built) as Record<string, object>;
  for (const [type, ref] of Object.entries(references)) {
    resolvers[type] = { ...(resolvers[type] ?? {}), ...ref };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as any }]);
  return { schema, sdl };
}

export { MoneyScalar, DateScalar };

/**
 * A subgraph's schema, built on first use and then kept for the process: its resolvers and
 * references, plus what the kit gives every subgraph (its audit log on `AuditLogs`).
 */
export function federatedSchema(
  subgraph: string,
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap'>,
  references: ReferenceResolvers = {},
): () => Promise<FederatedSchema> {
  let built: Promise<FederatedSchema> | undefined;
  return () => {
    if (!built) {
      const audit = auditLogModule(subgraph);
      built = buildFederatedSchema({ ...options, resolvers: [audit.resolver, ...options.resolvers] }, { ...references, ...audit.references });
    }
    return built;
  };
}
