import { householdYearLoader, memberYearListLoader, memberYearLoader } from '../src/index.js';

// The per-year batching every department field uses: one fetch per distinct year in a batch.
test('one fetch per distinct year; each key gets its own row or null', async () => {
  const calls: [number, string[]][] = [];
  const rows = [
    { memberId: 'a', year: 2020, v: 'a20' },
    { memberId: 'b', year: 2020, v: 'b20' },
    { memberId: 'a', year: 2021, v: 'a21' },
  ];
  const loader = memberYearLoader(async (year, ids) => {
    calls.push([year, [...ids].sort()]);
    return rows.filter((r) => r.year === year && ids.includes(r.memberId));
  }, (r) => r.memberId);
  const got = await Promise.all([
    loader.load({ memberId: 'a', year: 2020 }),
    loader.load({ memberId: 'b', year: 2020 }),
    loader.load({ memberId: 'c', year: 2020 }),
    loader.load({ memberId: 'a', year: 2021 }),
    loader.load({ memberId: 'a', year: 2020 }),
  ]);
  expect(got.map((r) => r?.v ?? null)).toEqual(['a20', 'b20', null, 'a21', 'a20']);
  expect(calls.sort((x, y) => x[0] - y[0])).toEqual([[2020, ['a', 'b', 'c']], [2021, ['a']]]);
});

test('a list per key, with null asking for every year', async () => {
  const fetched: (number | null)[] = [];
  const loader = memberYearListLoader(async (year, ids) => {
    fetched.push(year);
    const all = [{ memberId: 'a', n: 1, year: 2020 }, { memberId: 'a', n: 2, year: 2021 }, { memberId: 'b', n: 3, year: 2021 }];
    return all.filter((r) => ids.includes(r.memberId) && (year === null || r.year === year));
  }, (r) => r.memberId);
  const [a2021, aAll, c] = await Promise.all([loader.load({ memberId: 'a', year: 2021 }), loader.load({ memberId: 'a', year: null }), loader.load({ memberId: 'c', year: 2021 })]);
  expect(a2021.map((r) => r.n)).toEqual([2]);
  expect(aAll.map((r) => r.n)).toEqual([1, 2]);
  expect(c).toEqual([]);
  expect(fetched.sort()).toEqual([2021, null].sort());
});

test('households by year the same way', async () => {
  let calls = 0;
  const loader = householdYearLoader(async (year, ids) => {
    calls++;
    return ids.map((householdId) => ({ householdId, year }));
  }, (r) => r.householdId);
  expect(await Promise.all([loader.load({ householdId: 'h1', year: 2020 }), loader.load({ householdId: 'h2', year: 2020 })])).toEqual([{ householdId: 'h1', year: 2020 }, { householdId: 'h2', year: 2020 }]);
  expect(calls).toBe(1);
});
