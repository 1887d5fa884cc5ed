import DataLoader from 'dataloader';

/**
 * One row per key, fetched in one query per batch; missing keys give null. DataLoader
 * wants results in key order, which the SQL does not promise.
 */
export function oneLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K, cacheKey?: (k: K) => unknown) {
  return new DataLoader<K, V | null, unknown>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map<unknown, V>();
      for (const row of rows) byKey.set(cacheKey ? cacheKey(keyOf(row)) : keyOf(row), row);
      return keys.map((k) => byKey.get(cacheKey ? cacheKey(k) : k) ?? null);
    },
    cacheKey ? { cacheKeyFn: cacheKey } : {},
  );
}

/** Many rows per key (a household's members), one query per batch. */
export function manyLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K, cacheKey?: (k: K) => unknown) {
  return new DataLoader<K, V[], unknown>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map<unknown, V[]>();
      for (const row of rows) {
        const k = cacheKey ? cacheKey(keyOf(row)) : keyOf(row);
        const list = byKey.get(k);
        if (list) list.push(row);
        else byKey.set(k, [row]);
      }
      return keys.map((k) => byKey.get(cacheKey ? cacheKey(k) : k) ?? []);
    },
    cacheKey ? { cacheKeyFn: cacheKey } : {},
  );
}

/** A per-person, per-year key; `year` null asks for every year where a field allows it. */
export interface MemberYear<Y extends number | null = number> {
  memberId: string;
  year: Y;
}

export interface HouseholdYear<Y extends number | null = number> {
  householdId: string;
  year: Y;
}

/**
 * The per-year batching every department field shares: a page of 100 members asking for one
 * year is one query (one per distinct year in the batch), whatever the field.
 */
function yearLoader<K extends { year: number | null }, V, R>(
  idOf: (k: K) => string,
  fetch: (year: K['year'], ids: string[]) => Promise<V[]>,
  rowId: (v: V) => string,
  collect: (rows: V[] | undefined) => R,
) {
  const cacheKey = (id: string, year: number | null) => `${id}/${year ?? '*'}`;
  return new DataLoader<K, R, string>(
    async (keys) => {
      const years = new Map<K['year'], Set<string>>();
      for (const k of keys) {
        const ids = years.get(k.year) ?? new Set<string>();
        ids.add(idOf(k));
        years.set(k.year, ids);
      }
      const found = new Map<string, V[]>();
      await Promise.all(
        [...years].map(async ([year, ids]) => {
          for (const row of await fetch(year, [...ids])) {
            const key = cacheKey(rowId(row), year);
            const list = found.get(key);
            if (list) list.push(row);
            else found.set(key, [row]);
          }
        }),
      );
      return keys.map((k) => collect(found.get(cacheKey(idOf(k), k.year))));
    },
    { cacheKeyFn: (k) => cacheKey(idOf(k), k.year) },
  );
}

/** One record per person and year (an enrollment): null when there is none. */
export function memberYearLoader<V>(fetch: (year: number, memberIds: string[]) => Promise<V[]>, memberOf: (v: V) => string) {
  return yearLoader<MemberYear, V, V | null>((k) => k.memberId, fetch, memberOf, (rows) => rows?.[0] ?? null);
}

/** Records of a person in a year, or in every year when the year is null (claims), in the order fetched. */
export function memberYearListLoader<V>(fetch: (year: number | null, memberIds: string[]) => Promise<V[]>, memberOf: (v: V) => string) {
  return yearLoader<MemberYear<number | null>, V, V[]>((k) => k.memberId, fetch, memberOf, (rows) => rows ?? []);
}

/** One record per household and year (an income, a household's yearly figures): null when there is none. */
export function householdYearLoader<V>(fetch: (year: number, householdIds: string[]) => Promise<V[]>, householdOf: (v: V) => string) {
  return yearLoader<HouseholdYear, V, V | null>((k) => k.householdId, fetch, householdOf, (rows) => rows?.[0] ?? null);
}

/** Records of a household in a year, or in every year when the year is null (industry support), in the order fetched. */
export function householdYearListLoader<V>(fetch: (year: number | null, householdIds: string[]) => Promise<V[]>, householdOf: (v: V) => string) {
  return yearLoader<HouseholdYear<number | null>, V, V[]>((k) => k.householdId, fetch, householdOf, (rows) => rows ?? []);
}
