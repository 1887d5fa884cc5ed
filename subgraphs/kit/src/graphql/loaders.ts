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
