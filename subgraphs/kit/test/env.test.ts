import { EnvError, parseEnv, port, postgresUrl, z } from '../src/index.js';

test('lists every problem of the environment at once', () => {
  const schema = z.object({ DATABASE_URL: postgresUrl, PORT: port(4001), NAME: z.string() });
  let message = '';
  try {
    parseEnv(schema, { DATABASE_URL: 'mysql://x', PORT: 'seventy' });
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    message = (err as Error).message;
  }
  expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
  expect(message).toContain('PORT:');
  expect(message).toContain('NAME:');
});

test('applies defaults and coerces numbers', () => {
  const schema = z.object({ DATABASE_URL: postgresUrl, PORT: port(4001) });
  expect(parseEnv(schema, { DATABASE_URL: 'postgres://h/db' })).toEqual({ DATABASE_URL: 'postgres://h/db', PORT: 4001 });
  expect(parseEnv(schema, { DATABASE_URL: 'postgres://h/db', PORT: '5000' }).PORT).toBe(5000);
});
