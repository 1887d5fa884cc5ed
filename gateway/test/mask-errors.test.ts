import { withoutEchoedValues } from '@fupin/kit';
import { maskGatewayError } from '../src/mask-errors.js';

// What a client sees of an error: the extensions it may read, and none of its own values
// echoed back (graphql-js quotes a variable's value when it cannot coerce it).
test('every safe extension is kept, anything else is dropped', () => {
  const safe = { code: 'DEPARTMENT_UNAVAILABLE', field: 'f', gaps: ['A'], gapDetails: [{ gap: 'A' }], notConsulted: ['education'], limit: 'depth', serviceName: 'households', retryable: true, waitedMs: 3, department: 'education', reason: 'TIMEOUT', affects: ['x'], villageExit: { year: 2019, eligible: false } };
  expect(maskGatewayError({ message: 'm', extensions: { ...safe, http: { status: 503 }, response: { body: 'secret' }, exception: {} } })).toEqual({ message: 'm', extensions: safe });
});

test("a variable's value is left out of the message, with or without a path into it", () => {
  expect(withoutEchoedValues('Variable "$input" got invalid value { name: "张三", year: "x" }; Field "code" of required type "ID!" was not provided.')).toBe('Variable "$input" got invalid value; Field "code" of required type "ID!" was not provided.');
  expect(withoutEchoedValues('Variable "$input" got invalid value "x" at "input.year"; Int cannot represent non-integer value: "x"')).toBe('Variable "$input" got invalid value at "input.year"; Int cannot represent non-integer value: "x"');
  // Only a message that is graphql-js's own: the same words later in a message are not its.
  expect(withoutEchoedValues('resolver said: Variable "$input" got invalid value {}; no')).toBe('resolver said: Variable "$input" got invalid value {}; no');
});

test('an ID number left anywhere in a message is masked, every one of them; other numbers are not', () => {
  expect(withoutEchoedValues('ID 42011519900101123X and 420115199001011234 given')).toBe('ID 420115********123X and 420115********1234 given');
  expect(withoutEchoedValues('ids 42011519900101123x')).toBe('ids 420115********123x');
  // 17 and 19 digits, or an ID number inside a longer word: no ID number.
  expect(withoutEchoedValues('n 42011519900101123 n 4201151990010112345 n a42011519900101123X')).toBe('n 42011519900101123 n 4201151990010112345 n a42011519900101123X');
  expect(maskGatewayError({ message: 'Variable "$id" got invalid value "420115199001011234"; Expected type "Int".', extensions: { code: 'BAD_USER_INPUT' } }).message).toBe('Variable "$id" got invalid value; Expected type "Int".');
});
