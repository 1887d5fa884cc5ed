import { ArgsType, Directive, Field, ID, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors.js';

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** `first` and `after` of every paged list; a list's own filters extend it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; default 20' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** A work list's arguments: a region and everything below it, a calendar year, a page. */
@ArgsType()
export class RegionYearPageArgs extends PageArgs {
  @Field(() => ID, { description: 'A region (or 000000000000, the country): its villages and every one below it' })
  regionCode!: string;

  @Field(() => Int)
  year!: number;
}

export interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: T[];
}

/** A `{ totalCount pageInfo nodes }` connection of one node type. */
export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass implements Page<T> {
    @Field(() => Int, { description: 'Every item that matches the filters, whatever the page' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [node])
    nodes!: T[];
  }
  return ConnectionClass;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/**
 * Cursors are opaque to clients but hold the sort key itself, so a cursor stays valid
 * while rows are added before or after it (keyset pagination, no offsets).
 */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:')) throw new BadUserInputError('after is not a cursor from this list', { field: 'after' });
  return text.slice(2);
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE}`, { field: 'first' });
  }
  return n;
}
