import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { BadUserInputError, HubError } from '../errors.js';

/**
 * Errors the hub did not mean for clients (database and programming errors) leave as a bare
 * "internal error": their text can hold SQL, table names or a constraint's key, which may be
 * an ID number. The server log gets the error's kind, never its message.
 */
// The database cannot be reached or is shutting down (SQLSTATE class 08, 57P01–57P03), or the
// socket to it failed: nothing the request did, and asked again later it may succeed.
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123])$/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

function databaseUnavailable(err: unknown): boolean {
  // Through causes, and through what a library threw that was no Error of this realm.
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; thrownValue?: unknown } | undefined, depth = 0; e && depth < 4; e = (e.cause ?? e.thrownValue) as typeof e, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_SOCKET.has(e.code))) return true;
    if (typeof e.message === 'string' && /Connection terminated|connection is closed|Client has encountered a connection error/i.test(e.message)) return true;
  }
  return false;
}

// graphql-js quotes the value a variable was given ("Variable "$input" got invalid value
// { name: ..., idNumber: "420115..." }; ...") and values it cannot coerce: a client's own ID
// numbers would come back in clear. The value is left out; any ID number left is masked.
const ECHOED_VALUE = /^(Variable "\$[^"]+" got invalid value) .*?((?: at "[^"]*")?; )/s;
const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;

export function withoutEchoedValues(message: string): string {
  return message.replace(ECHOED_VALUE, '$1$2').replace(ID_NUMBER, '$1********$2');
}

export function maskInternalError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // A custom scalar (Money, Date) refusing an inline literal is reported by validation, which
  // would call it GRAPHQL_VALIDATION_FAILED (and the gateway, a department failing): it is the
  // same bad value as in a variable, and answers the same.
  if (original instanceof GraphQLError && original.originalError instanceof BadUserInputError) {
    return { ...formatted, message: withoutEchoedValues(formatted.message), extensions: { ...original.originalError.extensions, code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof HubError || (code && code !== 'INTERNAL_SERVER_ERROR')) return { ...formatted, message: withoutEchoedValues(formatted.message) };
  if (databaseUnavailable(original)) {
    return { message: 'the database of this service is unavailable; ask again', path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true } };
  }
  // SQLSTATE and kind are safe to log; the message is not.
  const sqlState = (original as { code?: unknown })?.code;
  console.error(`internal error in ${formatted.path?.join('.') ?? 'request'}: ${(original as Error)?.constructor?.name ?? typeof original}${typeof sqlState === 'string' ? ` (SQLSTATE ${sqlState})` : ''}`);
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
