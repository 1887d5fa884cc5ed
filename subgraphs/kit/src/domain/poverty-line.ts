import type { Fen } from './money.js';

/** National poverty lines in yuan per person per year (current prices). */
export const DEFAULT_POVERTY_LINES: Readonly<Record<number, number>> = {
  2014: 2800,
  2015: 2855,
  2016: 2952,
  2017: 3335,
  2018: 3535,
  2019: 3747,
  2020: 4000,
};

/**
 * The line for a year, in fen. Years before the first known use the first; later years
 * keep the last, unless a deployment configures its own (`overrides`, yuan by year).
 */
export function povertyLineFen(year: number, overrides: Readonly<Record<number, number>> = {}): Fen {
  const lines = { ...DEFAULT_POVERTY_LINES, ...overrides };
  const years = Object.keys(lines).map(Number).sort((a, b) => a - b);
  let chosen = years[0]!;
  for (const y of years) if (y <= year) chosen = y;
  return Math.round(lines[chosen]! * 100);
}

/** Parses `2021:4200,2022:4300` from configuration. */
export function parsePovertyLines(text: string | undefined): Record<number, number> {
  const out: Record<number, number> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const m = /^\s*(\d{4})\s*:\s*(\d+(?:\.\d{1,2})?)\s*$/.exec(part);
    if (!m) throw new Error(`poverty line "${part}" is not YEAR:YUAN`);
    out[Number(m[1])] = Number(m[2]);
  }
  return out;
}
