import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFieldResolver, type GraphQLFormattedError, type GraphQLSchema, locatedError } from 'graphql';
import { maskInternalError } from '../server/mask-errors.js';

const CHECK = Symbol('reference check');

interface Refusal {
  key: string;
  index: number;
  error: unknown;
}

/** What a request keeps of its references' checks until its answer is sent. */
export interface CheckedReferences {
  referenceChecks?: Promise<Refusal | null>[];
}

/**
 * An entity reference answered at once, while its check (a department's jurisdiction over the
 * member or household) runs alongside the reads of the fields asked of it: the roster lookup
 * and the records go to PostgreSQL in one statement (see `readRows`) instead of one after the
 * other. A check that fails replaces the entity, before the answer leaves, with null and the
 * check's error at `_entities.<i>`, exactly as a reference that had thrown: nothing read for
 * it is sent. Only for checks of reads (no side effects besides the refusal's audit).
 */
export function checkedReference<T extends object>(entity: T, check: Promise<unknown>): T {
  Object.defineProperty(entity, CHECK, { value: check.then(() => null, (error: unknown) => error), enumerable: false });
  return entity;
}

/** `_entities` remembering which of its items still wait on a check, and where they are. */
export function collectReferenceChecks(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve = field.resolve as GraphQLFieldResolver<unknown, CheckedReferences>;
  field.resolve = (root, args, context, info) => {
    const items = resolve(root, args, context, info);
    if (Array.isArray(items)) {
      // Apollo's items are promises (of the references' objects); all settle before the answer.
      const checks = (context.referenceChecks ??= []);
      items.forEach((item: unknown, index) => {
        checks.push(
          Promise.resolve(item).then(
            async (entity) => {
              const error = await (entity as { [CHECK]?: Promise<unknown> } | null)?.[CHECK];
              return error ? { key: String(info.path.key), index, error } : null;
            },
            () => null,
          ),
        );
      });
    }
    return items;
  };
}

/** Before the answer leaves: every refused reference null, with its error and none of its fields' errors. */
export function referenceChecksPlugin<C extends CheckedReferences>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const checks = contextValue.referenceChecks;
          if (!checks?.length || response.body.kind !== 'single') return;
          const refusals = (await Promise.all(checks)).filter((r): r is Refusal => r !== null);
          if (!refusals.length) return;
          const result = response.body.singleResult;
          let errors: GraphQLFormattedError[] = [...(result.errors ?? [])];
          for (const { key, index, error } of refusals) {
            const items = result.data?.[key];
            if (Array.isArray(items)) items[index] = null;
            errors = errors.filter((e) => !(e.path?.[0] === key && e.path[1] === index));
            const located = locatedError(error, undefined, [key, index]);
            errors.push(maskInternalError(located.toJSON(), error));
          }
          result.errors = errors;
        },
      };
    },
  };
}
