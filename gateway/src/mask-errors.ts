import type { GraphQLFormattedError } from 'graphql';

// What a client may see of an error's extensions; anything else (subgraph responses,
// addresses, exceptions) stays inside.
const SAFE = ['code', 'field', 'gaps', 'gapDetails', 'notConsulted', 'limit', 'serviceName', 'retryable', 'waitedMs', 'department', 'reason', 'affects'];
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

// graphql-js quotes the value a variable was given ("Variable "$input" got invalid value
// { name: ..., idNumber: "420115..." }; ...") and values it cannot coerce: a client's own ID
// numbers would come back in clear. The value is left out; any ID number left is masked.
const ECHOED_VALUE = /^(Variable "\$[^"]+" got invalid value) .*?((?: at "[^"]*")?; )/s;
const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;

export function withoutEchoedValues(message: string): string {
  return message.replace(ECHOED_VALUE, '$1$2').replace(ID_NUMBER, '$1********$2');
}
