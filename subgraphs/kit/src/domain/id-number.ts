/**
 * Resident ID numbers (身份证号, GB 11643): 6 digits of region, 8 of birth date, 3 of
 * sequence (odd last digit: male), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type Gender = 'MALE' | 'FEMALE';

export interface IdNumberFacts {
  idNumber: string;
  birthDate: string;
  gender: Gender;
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads an ID number; returns why it is refused as a string, or its facts. A lowercase
 * `x` is read as `X`. `today` is YYYY-MM-DD (a birth date after it is refused).
 */
export function readIdNumber(raw: string, today: string): IdNumberFacts | string {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'must be 17 digits and a check digit or X';
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return 'has an impossible birth date';
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) return 'has a birth date in the future';
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'fails its check character';
  const gender: Gender = Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { idNumber, birthDate, gender };
}

/** Composes a valid number; used by the demo generator and test factories. */
export function makeIdNumber(region6: string, birthDate: string, sequence: number): string {
  const first17 = `${region6}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** First 6 and last 4 characters, the rest `*`. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.slice(0, 6) + '*'.repeat(Math.max(0, idNumber.length - 10)) + idNumber.slice(-4);
}
