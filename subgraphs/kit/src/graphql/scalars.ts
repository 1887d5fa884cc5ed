import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIsoDate } from '../domain/dates.js';
import { type Fen, fenToYuan, parseYuan } from '../domain/money.js';
import { BadUserInputError } from '../errors.js';

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
  return undefined;
}

function readDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new BadUserInputError('Date must be an ISO date YYYY-MM-DD');
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date as ISO text YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: readDate,
  parseLiteral: (ast) => readDate(literal(ast)),
});

function readMoney(value: unknown): Fen {
  const fen = parseYuan(value);
  if (fen === null) throw new BadUserInputError('Money must be yuan with at most two decimals');
  return fen;
}

/**
 * Yuan on the wire (a JSON number or decimal text in input, a JSON number in output),
 * integer fen inside resolvers.
 */
export const MoneyScalar = new GraphQLScalarType<Fen, number>({
  name: 'Money',
  description: 'An amount in yuan (元) with at most two decimals, kept exact',
  serialize: (value) => fenToYuan(value as Fen),
  parseValue: readMoney,
  parseLiteral: (ast) => readMoney(literal(ast)),
});
