import { manyLoader, oneLoader, findRows, readRegionCode } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { RegionEntity } from './region.entity.js';

/** The codes asked and their parents: a village is shown with its township, and both come in one read. */
function withParents(codes: readonly string[]): string[] {
  const all = new Set(codes);
  for (const code of codes) {
    const facts = readRegionCode(code);
    if (typeof facts !== 'string' && facts.parentCode) all.add(facts.parentCode);
  }
  return [...all];
}

export function regionLoaders(em: EntityManager) {
  const regionByCode: DataLoader<string, RegionEntity | null> = oneLoader(
    async (codes: readonly string[]) => {
      const rows = await findRows(em, RegionEntity, { code: { $in: withParents(codes) } });
      const asked = new Set(codes);
      // Parents read along are kept for the `parent` field asked next.
      for (const row of rows) if (!asked.has(row.code)) regionByCode.prime(row.code, row);
      return rows;
    },
    (r) => r.code,
  );
  return {
    regionByCode,
    childrenByParent: manyLoader(
      (codes: readonly string[]) => findRows(em, RegionEntity, { parentCode: { $in: [...codes] } }, { code: 'asc' }),
      (r) => r.parentCode!,
    ),
  };
}
