/** A per-person, per-year key: most health fields take a year (null: every year, where allowed). */
export interface MemberYear<Y = number> {
  memberId: string;
  year: Y;
}

/** One query per distinct year in a batch (a page of members asks for one year). */
export async function byYear<T, Y>(keys: readonly MemberYear<Y>[], fetch: (year: Y, memberIds: string[]) => Promise<T[]>): Promise<T[]> {
  const years = new Map<Y, string[]>();
  for (const k of keys) years.set(k.year, [...(years.get(k.year) ?? []), k.memberId]);
  const parts = await Promise.all([...years].map(([year, ids]) => fetch(year, ids)));
  return parts.flat();
}
