import { isRealDate } from './id-number.js';

let lastMinute = { minute: NaN, day: '' };

/** Today as YYYY-MM-DD in China Standard Time, the registry's calendar. */
export function todayInChina(now: Date = new Date()): string {
  // Asked by every year-argument field of every row: worked out once a minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, day: new Date(minute * 60_000 + 8 * 3600_000).toISOString().slice(0, 10) };
  return lastMinute.day;
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whole years of age on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The registry starts in 2014 (建档立卡); nothing is planned beyond next year. */
export const FIRST_REGISTRY_YEAR = 2014;

export function isRegistryYear(year: number, today: string = todayInChina()): boolean {
  return Number.isInteger(year) && year >= FIRST_REGISTRY_YEAR && year <= Number(today.slice(0, 4)) + 1;
}
