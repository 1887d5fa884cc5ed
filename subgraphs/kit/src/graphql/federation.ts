import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, parse } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import { auditLogModule } from '../audit/audit-log.resolver.js';
import { auditMutations, auditOwnTransaction } from '../audit/audit.middleware.js';
import { authChecker } from '../auth/authorize.js';
import { DateScalar, MoneyScalar } from './scalars.js';
import { collectReferenceChecks } from './checked-references.js';

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
    // No global middleware: type-graphql would run it for every field, scalars included, each
    // turned into a promise. Writes are audited by wrapping the Mutation fields below.
    ...(options.globalMiddlewares ? { globalMiddlewares: options.globalMiddlewares } : {}),
    scalarsMap: [{ type: Date, scalar: DateScalar }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}`;
  const resolvers = createResolversMap(built) as Record<string, Record<string, unknown>>;
  if (resolvers.Mutation) {
    const fields = built.getMutationType()?.getFields() ?? {};
    const own = new Set(Object.keys(fields).filter((name) => fields[name]!.extensions?.ownTransaction === true));
    resolvers.Mutation = auditedMutations(resolvers.Mutation, own);
  }
  for (const [type, ref] of Object.entries(references)) {
    resolvers[type] = { ...(resolvers[type] ?? {}), ...ref };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as any }]);
  collectReferenceChecks(schema);
  return { schema, sdl };
}

export { MoneyScalar, DateScalar };

type Resolve = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/** Each write in the audit log's transaction, with its refusal audited: the whole field (its authorization check included) runs inside `auditMutations`, or opens its transaction itself (`@OwnTransaction`). */
function auditedMutations(fields: Record<string, unknown>, ownTransaction: Set<string>): Record<string, unknown> {
  const wrap = (resolve: Resolve): Resolve => (root, args, context, info) =>
    (ownTransaction.has(info.fieldName) ? auditOwnTransaction : auditMutations)({ root, args, context: context as SubgraphContext, info }, async () => resolve(root, args, context, info));
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      typeof field === 'function' ? wrap(field as Resolve) : { ...(field as object), resolve: wrap(((field as { resolve?: Resolve }).resolve ?? defaultFieldResolver) as Resolve) },
    ]),
  );
}

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
