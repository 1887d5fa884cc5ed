/**
 * 12-digit division codes PP CC DD TTT VVV. A code's level is its last non-zero group;
 * its ancestors are its prefixes padded with zeros.
 */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

const GROUPS: { level: RegionLevel; end: number }[] = [
  { level: 'PROVINCE', end: 2 },
  { level: 'CITY', end: 4 },
  { level: 'COUNTY', end: 6 },
  { level: 'TOWNSHIP', end: 9 },
  { level: 'VILLAGE', end: 12 },
];

/** The whole country as a jurisdiction; not a region that can be registered. */
export const COUNTRY_CODE = '000000000000';

export interface RegionCodeFacts {
  level: RegionLevel;
  parentCode: string | null;
  /** The significant digits: every region below this one starts with them. */
  prefix: string;
}

export function readRegionCode(code: string): RegionCodeFacts | string {
  if (!/^\d{12}$/.test(code)) return 'must be 12 digits';
  if (code === COUNTRY_CODE) return 'the whole country is not a region that can be registered';
  let last = -1;
  let start = 0;
  for (let i = 0; i < GROUPS.length; i++) {
    const group = code.slice(start, GROUPS[i]!.end);
    if (!/^0+$/.test(group)) {
      if (last !== i - 1) return 'has a zero group above a non-zero group';
      last = i;
    }
    start = GROUPS[i]!.end;
  }
  const level = GROUPS[last]!.level;
  const prefix = code.slice(0, GROUPS[last]!.end);
  const parentCode = last === 0 ? null : code.slice(0, GROUPS[last - 1]!.end).padEnd(12, '0');
  return { level, parentCode, prefix };
}

/** The digits every code in the region (itself included) starts with. */
export function regionPrefix(code: string): string {
  if (code === COUNTRY_CODE) return '';
  const facts = readRegionCode(code);
  return typeof facts === 'string' ? code : facts.prefix;
}

/** The codes of a region and everything below it, for SQL: `code >= lo and code < hi`. */
export function regionRange(code: string): { lo: string; hi: string } {
  const prefix = regionPrefix(code);
  return { lo: prefix.padEnd(12, '0'), hi: prefix === '' ? '~' : (prefix + '\uffff').padEnd(12, '0') };
}
