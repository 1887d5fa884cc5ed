import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  parse,
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
  /** Fields of the document with every fragment spread written out: the walks after this one stop here. */
  maxNodes: number;
  /**
   * Pairs of same-named fields that GraphQL validation compares to merge them (its
   * overlapping-fields rule is quadratic: 480 `parent { code }` under one field take 1.6 s).
   */
  maxFieldPairs: number;
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
  maxNodes: 2000,
  maxFieldPairs: 1000,
  ratePerMinute: 600,
  introspectionForAll: true,
};

const refuse = (message: string, limit: string, code = 'QUERY_LIMIT_EXCEEDED') =>
  new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });

/** What a selection set costs, fragments written out; a fragment's is worked out once and added where it is spread. */
interface Summary {
  /** Selection-set levels, this one included. */
  depth: number;
  /** Fields at this level (spreads written out): the root fields of an operation. */
  width: number;
  /** Fields in all, spreads written out. */
  nodes: number;
  aliases: number;
  cost: number;
  firstMin: number;
  firstMax: number;
  introspection: boolean;
}

const EMPTY: Summary = { depth: 0, width: 0, nodes: 0, aliases: 0, cost: 0, firstMin: Infinity, firstMax: -Infinity, introspection: false };

function argInt(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

type Parent = GraphQLObjectType | GraphQLInterfaceType | null;
const asParent = (t: unknown): Parent => (isObjectType(t) || isInterfaceType(t) ? t : null);

/**
 * Sizes a document in one pass over its text: each fragment is summed once (memoized by name)
 * and its sums added wherever it is spread, so a fragment spreading the next one twice, thirty
 * deep, costs thirty summaries, not 2^30 walks. A fragment met again inside itself (a cycle,
 * which validation refuses) adds nothing.
 */
export function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, limits: Pick<Limits, 'defaultListSize'>) {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const memo = new Map<string, Summary>();
  const fragment = (name: string): Summary => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def) return EMPTY;
    memo.set(name, EMPTY); // while it is summed: a cycle adds nothing
    const summary = summarize(def.selectionSet, asParent(schema.getType(def.typeCondition.name.value)));
    memo.set(name, summary);
    return summary;
  };
  const summarize = (set: SelectionSetNode, parent: Parent): Summary => {
    const out = { ...EMPTY, depth: 1 };
    const add = (s: Summary, cost: number) => {
      out.nodes += s.nodes;
      out.aliases += s.aliases;
      out.cost += cost;
      out.firstMin = Math.min(out.firstMin, s.firstMin);
      out.firstMax = Math.max(out.firstMax, s.firstMax);
      out.introspection ||= s.introspection;
    };
    for (const s of set.selections) {
      if (s.kind !== Kind.FIELD) {
        const inner = s.kind === Kind.INLINE_FRAGMENT ? summarize(s.selectionSet, s.typeCondition ? asParent(schema.getType(s.typeCondition.name.value)) : parent) : fragment(s.name.value);
        out.depth = Math.max(out.depth, inner.depth);
        out.width += inner.width;
        add(inner, inner.cost);
        continue;
      }
      out.width++;
      out.nodes++;
      if (s.alias) out.aliases++;
      if (s.name.value === '__schema' || s.name.value === '__type') out.introspection = true;
      const first = argInt(s.arguments?.find((a) => a.name.value === 'first')?.value, variables);
      if (first !== null) {
        out.firstMin = Math.min(out.firstMin, first);
        out.firstMax = Math.max(out.firstMax, first);
      }
      if (!s.selectionSet) {
        out.cost += 1;
        continue;
      }
      const def = parent?.getFields()[s.name.value];
      const isList = def ? isListType(getNullableType(def.type)) : false;
      // A connection's `first` sizes its nodes; other lists count as defaultListSize.
      const size = first ?? (isList && s.name.value !== 'nodes' ? limits.defaultListSize : 1);
      const below = summarize(s.selectionSet, def ? asParent(getNamedType(def.type)) : null);
      out.depth = Math.max(out.depth, 1 + below.depth);
      add(below, 1 + size * below.cost);
    }
    return out;
  };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operations.map((operation) => {
    const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
    return { operation, ...summarize(operation.selectionSet, root ?? null) };
  });
}

/**
 * Pairs of fields with selections that would be merged (same response name at the same place
 * in the answer): what GraphQL validation's overlapping-fields rule compares, recursing into
 * their selections. (Pairs of leaves are cheap to compare: 2,900 `code` take it 26 ms.) It
 * writes spreads out, so it is only asked of a document whose `nodes` are within the budget;
 * it stops counting past `stopAt`.
 */
export function fieldPairs(document: DocumentNode, operation: OperationDefinitionNode, stopAt: number): number {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  let pairs = 0;
  const collect = (set: SelectionSetNode, into: Map<string, FieldNode[]>, open: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const name = s.alias?.value ?? s.name.value;
        const same = into.get(name);
        if (same) same.push(s);
        else into.set(name, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, into, open);
      else {
        const def = fragments.get(s.name.value);
        if (!def || open.has(s.name.value)) continue;
        open.add(s.name.value);
        collect(def.selectionSet, into, open);
        open.delete(s.name.value);
      }
    }
  };
  const level = (sets: SelectionSetNode[]) => {
    const groups = new Map<string, FieldNode[]>();
    for (const set of sets) collect(set, groups, new Set());
    for (const fields of groups.values()) {
      const below = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
      pairs += (below.length * (below.length - 1)) / 2;
      if (pairs > stopAt) return;
      if (below.length) level(below);
    }
  };
  level([operation.selectionSet]);
  return pairs;
}

/**
 * What a document's text alone decides, before GraphQL validation (whose overlapping-fields
 * rule grows with the square of fields to merge) and before Apollo keeps it: too deep, too
 * many aliases or root fields, too large with fragments written out, too many fields to merge.
 * Every operation in it is checked, the one to run or not. Throws the refusal.
 */
export function screenDocument(schema: GraphQLSchema, document: DocumentNode, limits: Limits): void {
  for (const w of measure(schema, document, {}, limits)) {
    // Reported at the first level over the limit: what a walk that stops there sees.
    if (w.depth > limits.maxDepth) throw refuse(`query depth ${limits.maxDepth + 1} is over ${limits.maxDepth}`, 'depth');
    if (w.aliases > limits.maxAliases) throw refuse(`${w.aliases} aliases are over ${limits.maxAliases}`, 'aliases');
    if (w.width > limits.maxRootFields) throw refuse(`${w.width} root fields are over ${limits.maxRootFields}`, 'rootFields');
    if (w.nodes > limits.maxNodes) throw refuse(`${w.nodes} fields with fragments written out are over ${limits.maxNodes}`, 'nodes');
    if (fieldPairs(document, w.operation, limits.maxFieldPairs) > limits.maxFieldPairs) throw refuse(`more than ${limits.maxFieldPairs} pairs of same-named fields to merge`, 'fieldPairs');
  }
}

/** What this request's variables and caller decide of the operation it runs: introspection, `first`, cost. */
export function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, role: string, limits: Limits): void {
  const w = measure(schema, { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) }, variables, limits)[0]!;
  if (w.introspection && !limits.introspectionForAll && role !== 'ADMIN') {
    throw new GraphQLError('introspection is for ADMIN only', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
  if (w.firstMax > limits.maxFirst || w.firstMin < 0) throw refuse(`first must be between 0 and ${limits.maxFirst}`, 'first', 'BAD_USER_INPUT');
  if (w.cost > limits.maxCost) throw refuse(`estimated cost ${w.cost} is over ${limits.maxCost}`, 'cost');
}

/**
 * The screen in front of Apollo: a query text is parsed and screened once, and its verdict
 * kept (a bounded number of texts), so a client's usual documents cost a lookup.
 */
export class DocumentScreen {
  private readonly verdicts = new Map<string, GraphQLError | null>();

  constructor(
    private readonly schema: () => GraphQLSchema | undefined,
    private readonly limits: Limits,
    private readonly keep = 1000,
  ) {}

  /** Throws the refusal of a document; one that does not parse is left to Apollo to refuse. */
  check(query: unknown): void {
    const schema = this.schema();
    if (typeof query !== 'string' || !schema) return;
    let verdict = this.verdicts.get(query);
    if (verdict === undefined) {
      verdict = null;
      try {
        screenDocument(schema, parse(query, { maxTokens: this.limits.maxTokens }), this.limits);
      } catch (err) {
        if (err instanceof GraphQLError && err.extensions.limit) verdict = err;
      }
      if (this.verdicts.size >= this.keep) this.verdicts.delete(this.verdicts.keys().next().value!);
      this.verdicts.set(query, verdict);
    }
    if (verdict) throw verdict;
  }
}

/**
 * Refuses, once the operation is known, what its variables and caller decide: `first` above
 * the page limit, too costly, and introspection for anyone but ADMIN outside development.
 * (What the text alone decides was refused by the DocumentScreen before Apollo saw it.)
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (operation) checkOperation(schema, document, operation, request.variables ?? {}, contextValue.caller.role, limits);
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
