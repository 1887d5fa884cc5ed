import type { GraphQLFormattedError } from 'graphql';
import { withoutEchoedValues } from '@fupin/kit';

// What a client may see of an error's extensions; anything else (subgraph responses,
// addresses, exceptions) stays inside.
const SAFE = ['code', 'field', 'gaps', 'gapDetails', 'notConsulted', 'limit', 'serviceName', 'retryable', 'waitedMs', 'department', 'reason', 'affects', 'villageExit', 'step', 'noticeEndsOn', 'rule', 'openStatusChangeId'];
const INTERNAL = new Set(['INTERNAL_SERVER_ERROR', undefined]);

/** No stack traces or internal messages to clients: unknown failures become "internal error". */
export function maskGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (INTERNAL.has(code)) {
    return { message: 'internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([k]) => SAFE.includes(k)));
  return { ...formatted, message: withoutEchoedValues(formatted.message), extensions };
}
