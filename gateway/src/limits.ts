import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { GatewayContext } from './gateway.js';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** Lexical tokens of the document; parsing stops past it. */
  maxTokens: number;
  /** Estimated fields resolved, with list sizes (`first`, or `defaultListSize`). */
  maxCost: number;
  maxFirst: number;
  defaultListSize: number;
  /** Requests per caller per minute. */
  ratePerMinute: number;
  /** Introspection for everyone (development), else ADMIN only. */
  introspectionForAll: boolean;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 10,
  maxTokens: 3000,
  maxCost: 25_000,
  maxFirst: 100,
  defaultListSize: 10,
  ratePerMinute: 600,
  introspectionForAll: true,
};

const refuse = (message: string, limit: string, code = 'QUERY_LIMIT_EXCEEDED') =>
  new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });

interface Walk {
  depth: number;
  aliases: number;
  cost: number;
  firsts: number[];
  introspection: boolean;
}

function argInt(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** One pass over the operation, fragments inlined: depth, aliases, `first`s and cost. */
function walk(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>, limits: Limits): Walk & { rootFields: number } {
  const out: Walk = { depth: 0, aliases: 0, cost: 0, firsts: [], introspection: false };
  const fieldsOf = (set: SelectionSetNode, seen = new Set<string>()): FieldNode[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s];
      if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, seen);
      const fragment = fragments[s.name.value];
      if (!fragment || seen.has(s.name.value)) return []; // cycles are a validation error anyway
      return fieldsOf(fragment.selectionSet, new Set([...seen, s.name.value]));
    });
  // Returns the cost of a selection set under a parent type.
  const visit = (set: SelectionSetNode, parent: GraphQLObjectType | null, depth: number): number => {
    out.depth = Math.max(out.depth, depth);
    if (depth > limits.maxDepth) return 0; // refused anyway; stop walking a deep tree
    let cost = 0;
    for (const field of fieldsOf(set)) {
      if (field.alias) out.aliases++;
      if (field.name.value === '__schema' || field.name.value === '__type') out.introspection = true;
      const first = argInt(field.arguments?.find((a) => a.name.value === 'first')?.value, variables);
      if (first !== null) out.firsts.push(first);
      const def = parent?.getFields()[field.name.value];
      const named = def ? getNamedType(def.type) : null;
      const isList = def ? isListType(getNullableType(def.type)) : false;
      // A connection's `first` sizes its nodes; other lists count as defaultListSize.
      const size = first ?? (isList && field.name.value !== 'nodes' ? limits.defaultListSize : 1);
      const children = field.selectionSet ? visit(field.selectionSet, named && isObjectType(named) ? named : null, depth + 1) : 0;
      cost += 1 + size * children;
    }
    return cost;
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  out.cost = visit(operation.selectionSet, root ?? null, 1);
  return { ...out, rootFields: fieldsOf(operation.selectionSet).length };
}

/**
 * Refuses abusive operations at the gateway, before any subgraph is called: too deep, too
 * many aliases or root fields, too costly, `first` above the page limit, and introspection
 * for anyone but ADMIN outside development.
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const w = walk(schema, operation, fragments, request.variables ?? {}, limits);
          if (w.introspection && !limits.introspectionForAll && contextValue.caller.role !== 'ADMIN') {
            throw new GraphQLError('introspection is for ADMIN only', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
          if (w.depth > limits.maxDepth) throw refuse(`query depth ${w.depth} is over ${limits.maxDepth}`, 'depth');
          if (w.aliases > limits.maxAliases) throw refuse(`${w.aliases} aliases are over ${limits.maxAliases}`, 'aliases');
          if (w.rootFields > limits.maxRootFields) throw refuse(`${w.rootFields} root fields are over ${limits.maxRootFields}`, 'rootFields');
          const tooMany = w.firsts.find((f) => f > limits.maxFirst || f < 0);
          if (tooMany !== undefined) throw refuse(`first must be between 0 and ${limits.maxFirst}`, 'first', 'BAD_USER_INPUT');
          if (w.cost > limits.maxCost) throw refuse(`estimated cost ${w.cost} is over ${limits.maxCost}`, 'cost');
        },
      };
    },
  };
}

/** A fixed one-minute window per caller; cheap and enough to stop a runaway client. */
export class RateLimiter {
  private counts = new Map<string, number>();

  /** `windowStart`: when the first minute starts (now; a test gives its own clock). */
  constructor(
    private readonly perMinute: number,
    private windowStart = Date.now(),
  ) {}

  /** Seconds to wait, or 0 when the request may go. */
  take(subject: string, now = Date.now()): number {
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.counts.clear();
    }
    const n = (this.counts.get(subject) ?? 0) + 1;
    this.counts.set(subject, n);
    return n > this.perMinute ? Math.ceil((this.windowStart + 60_000 - now) / 1000) : 0;
  }
}
