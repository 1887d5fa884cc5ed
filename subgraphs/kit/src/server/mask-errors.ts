import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HubError } from '../errors.js';

/**
 * Errors the hub did not mean for clients (database and programming errors) leave as a bare
 * "internal error": their text can hold SQL, table names or a constraint's key, which may be
 * an ID number. The server log gets the error's kind, never its message.
 */
export function maskInternalError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof HubError || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  // SQLSTATE and kind are safe to log; the message is not.
  const sqlState = (original as { code?: unknown })?.code;
  console.error(`internal error in ${formatted.path?.join('.') ?? 'request'}: ${(original as Error)?.constructor?.name ?? typeof original}${typeof sqlState === 'string' ? ` (SQLSTATE ${sqlState})` : ''}`);
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
