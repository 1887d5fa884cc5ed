/** A per-person, per-year key: most health fields take a year. */
export interface MemberYear {
  memberId: string;
  year: number;
}

/** One query per distinct year in a batch (a page of members asks for one year). */
export async function byYear<T>(keys: readonly MemberYear[], fetch: (year: number, memberIds: string[]) => Promise<T[]>): Promise<T[]> {
  const years = new Map<number, string[]>();
  for (const k of keys) years.set(k.year, [...(years.get(k.year) ?? []), k.memberId]);
  const parts = await Promise.all([...years].map(([year, ids]) => fetch(year, ids)));
  return parts.flat();
}
