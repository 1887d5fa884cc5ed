import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFormattedError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';

/** Why a department could not be consulted: the gateway's reasons, and a roster copy behind the registry's. */
export type UnavailableReason = 'ROSTER_BEHIND' | 'TIMEOUT' | 'UNREACHABLE' | 'FAILED' | 'BAD_RESPONSE';

/** What a request keeps of the departments its fields could not consult until its answer is sent. */
export interface PartialAnswers {
  partialErrors?: GraphQLFormattedError[];
}

/**
 * A field answered without a department's part (a coverage whose gaps from that department are
 * unknown): the answer stands, and `errors` says so at the field's path, the way the gateway
 * says it of a department's own fields. A client that reads only `data` would otherwise take
 * "no gap found" for "no gap".
 */
export function reportDepartmentUnavailable(ctx: PartialAnswers, info: GraphQLResolveInfo, department: string, reason: UnavailableReason, detail: string): void {
  (ctx.partialErrors ??= []).push({
    message: `${department} could not be consulted (${detail}); what this answer takes from its data is unknown`,
    path: responsePathAsArray(info.path),
    extensions: { code: 'DEPARTMENT_UNAVAILABLE', department, reason, retryable: true },
  });
}

/**
 * Whether the answer still holds the object the path's field is on (a parent nulled by an error
 * elsewhere does not). A root field's error stands even when it left `data` null (a refused exit).
 */
function present(data: Record<string, unknown> | null | undefined, path: readonly (string | number)[]): boolean {
  if (path.length === 1) return true;
  let at: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at !== null && typeof at === 'object';
}

/**
 * Appends the request's reported departments to its answer's errors. Listed before
 * `referenceChecksPlugin`, which then drops those under a reference it refuses.
 */
export function partialAnswersPlugin<C extends PartialAnswers>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const reported = contextValue.partialErrors;
          if (!reported?.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const standing = reported.filter((e) => present(result.data, e.path!));
          if (standing.length) result.errors = [...(result.errors ?? []), ...standing];
        },
      };
    },
  };
}
