import DataLoader from 'dataloader';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { requireRegistryYear } from '../domain/input.js';
import { regionRange } from '../domain/region-code.js';
import { requireReadableRegion } from '../roster/work-list.js';
import { HubError } from '../errors.js';

/** A region's four zeros (四个清零) for a year: the registry owns the key, each department adds its count. */
export interface FourZerosKey {
  regionCode: string;
  year: number;
}

/** The entity each department extends with the count it owns (`@key(fields: "regionCode year")`). */
export function fourZerosStub() {
  // No description: the registry's own describes the type in the supergraph.
  @ObjectType('FourZeros')
  @Directive('@key(fields: "regionCode year")')
  class FourZeros implements FourZerosKey {
    @Field(() => ID)
    regionCode!: string;

    @Field(() => Int)
    year!: number;
  }
  return FourZeros;
}

/** How many years' figures one request may ask: a dashboard of every year at once would keep a department's connections for all of them. */
export const FOUR_ZEROS_YEARS_PER_REQUEST = 2;

const yearsAsked = new WeakMap<object, Set<number>>();

/** Counts the year against the request's bound (QUERY_LIMIT_EXCEEDED past it), in the registry and in each department. */
export function countFourZerosYear(ctx: object, year: number): void {
  const years = yearsAsked.get(ctx) ?? new Set<number>();
  yearsAsked.set(ctx, years);
  years.add(year);
  if (years.size > FOUR_ZEROS_YEARS_PER_REQUEST) {
    throw new HubError(`a request may ask the four zeros of at most ${FOUR_ZEROS_YEARS_PER_REQUEST} years; ask the others in another request`, 'QUERY_LIMIT_EXCEEDED');
  }
}

/** A department's counts are read inside the caller's jurisdiction only (refused and audited outside it). */
export async function resolveFourZerosReference(ref: FourZerosKey, ctx: SubgraphContext): Promise<FourZerosKey> {
  requireRegistryYear(ref.year);
  countFourZerosYear(ctx, ref.year);
  await requireReadableRegion(ctx, 'FourZeros', ref.regionCode);
  return { regionCode: ref.regionCode, year: ref.year };
}

export interface RegionRange {
  code: string;
  lo: string;
  hi: string;
}

/**
 * A count per region and year, for a dashboard of a region and its children: one statement per
 * year for every region asked, each region counting every village below it. `count` gets the
 * ranges as a VALUES list `g(code, lo, hi)` to join on `village_code >= g.lo and < g.hi`.
 */
export function regionCountLoader(count: (year: number, ranges: { sql: string; params: string[] }) => Promise<{ code: string; n: number | string }[]>) {
  return new DataLoader<FourZerosKey, number, string>(
    async (keys) => {
      const years = [...new Set(keys.map((k) => k.year))];
      const found = new Map<string, number>();
      await Promise.all(
        years.map(async (year) => {
          const ranges: RegionRange[] = [...new Set(keys.filter((k) => k.year === year).map((k) => k.regionCode))].map((code) => ({ code, ...regionRange(code) }));
          const values = { sql: `(values ${ranges.map(() => '(?::text, ?::text, ?::text)').join(', ')}) as g(code, lo, hi)`, params: ranges.flatMap((r) => [r.code, r.lo, r.hi]) };
          for (const row of await count(year, values)) found.set(`${row.code}/${year}`, Number(row.n));
        }),
      );
      return keys.map((k) => found.get(`${k.regionCode}/${k.year}`) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.regionCode}/${k.year}` },
  );
}
