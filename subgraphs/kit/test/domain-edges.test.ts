import {
  ageOn,
  BadUserInputError,
  fenToDecimal,
  isIsoDate,
  isRealDate,
  isRegistryYear,
  isUuid,
  makeIdNumber,
  parsePovertyLines,
  parseYuan,
  PersonalDataCipher,
  povertyLineFen,
  readIdNumber,
  readRegionCode,
  regionPrefix,
  regionRange,
  registryYearProblem,
  requireRegistryYear,
  requireText,
  todayInChina,
} from '../src/index.js';

// The edges of the domain rules (domain.md), each case one a county would notice if it broke.

describe('China time', () => {
  test('the day turns at midnight in Beijing, 16:00 UTC', () => {
    expect(todayInChina(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(todayInChina(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(todayInChina(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });

  test('ISO dates must be real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    for (const bad of ['2019-02-29', '2020-13-01', '2020-1-01', '20200101', ' 2020-01-01', '2020-01-01x', 'x2020-01-01', '2020-0a-01', '2020-01-0a', 'abcd-01-01']) expect([bad, isIsoDate(bad)]).toEqual([bad, false]);
    expect(isRealDate(2020, 2, 30)).toBe(false);
    expect(isRealDate(2021, 13, 1)).toBe(false);
    expect(isRealDate(2021, 0, 10)).toBe(false);
  });

  test('age in whole years, the birthday itself included', () => {
    expect(ageOn('2014-08-31', '2020-08-31')).toBe(6);
    expect(ageOn('2014-09-01', '2020-08-31')).toBe(5);
    expect(ageOn('2004-09-01', '2020-08-31')).toBe(15);
  });

  test('registry years run from 2014 to next year, whole numbers only', () => {
    expect(isRegistryYear(2014, '2026-05-01')).toBe(true);
    expect(isRegistryYear(2027, '2026-05-01')).toBe(true);
    expect(isRegistryYear(2013, '2026-05-01')).toBe(false);
    expect(isRegistryYear(2028, '2026-05-01')).toBe(false);
    expect(isRegistryYear(2020.5, '2026-05-01')).toBe(false);
    expect(registryYearProblem(2020)).toBeNull();
    expect(registryYearProblem(2013)).toBe('must be from 2014 to next year');
  });
});

describe('refusals name the field', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return { type: (err as object).constructor.name, message: (err as Error).message, field: (err as BadUserInputError).extensions.field, code: (err as BadUserInputError).extensions.code };
    }
    return null;
  };

  test('a year outside the registry', () => {
    expect(requireRegistryYear(2020)).toBe(2020);
    expect(refusal(() => requireRegistryYear(2013))).toEqual({ type: 'BadUserInputError', message: 'year must be from 2014 to next year', field: 'year', code: 'BAD_USER_INPUT' });
    expect(refusal(() => requireRegistryYear(1999, 'schoolYear'))).toMatchObject({ message: 'schoolYear must be from 2014 to next year', field: 'schoolYear' });
  });

  test('free text is trimmed and 1 to max characters', () => {
    expect(requireText('  村医  ', 'doctorTeam', 3)).toBe('村医');
    expect(requireText('abc', 'note', 3)).toBe('abc');
    expect(requireText('a', 'note', 3)).toBe('a');
    expect(refusal(() => requireText('   ', 'note', 3))).toEqual({ type: 'BadUserInputError', message: 'note must have 1 to 3 characters', field: 'note', code: 'BAD_USER_INPUT' });
    expect(refusal(() => requireText('abcd', 'note', 3))).toMatchObject({ field: 'note' });
  });
});

test('ids are UUIDs and nothing else', () => {
  expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
  expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
  for (const bad of ['0f8fad5b-d9cb-469f-a165-70867728950', 'x0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950ex', '0f8fad5bd9cb469fa16570867728950e', 'g0f8fad5-d9cb-469f-a165-70867728950e',
    '0f8fad5b-g9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-g69f-a165-70867728950e', '0f8fad5b-d9cb-469f-g165-70867728950e', '0f8fad5b-d9cb-469f-a165-g0867728950e', '0-0-0-0-0', '']) {
    expect([bad, isUuid(bad)]).toEqual([bad, false]);
  }
});

describe('resident ID numbers', () => {
  const id = makeIdNumber('420115', '1975-03-09', 123);

  test('surrounding spaces are ignored; anything else around the number is refused', () => {
    expect(readIdNumber(` ${id} `, '2026-01-01')).toMatchObject({ idNumber: id });
    for (const bad of [`x${id}`, `${id}1`, id.slice(1), `${id.slice(0, 17)}Y`]) expect(readIdNumber(bad, '2026-01-01')).toBe('must be 17 digits and a check digit or X');
  });

  test('birth dates from 1900 to today, real days only', () => {
    expect(readIdNumber(makeIdNumber('420115', '1900-01-01', 1), '2026-01-01')).toMatchObject({ birthDate: '1900-01-01' });
    expect(readIdNumber(makeIdNumber('420115', '1899-12-31', 1), '2026-01-01')).toBe('has an impossible birth date');
    expect(readIdNumber(makeIdNumber('420115', '2019-02-29', 1), '2026-01-01')).toBe('has an impossible birth date');
    expect(readIdNumber(makeIdNumber('420115', '2026-01-01', 1), '2026-01-01')).toMatchObject({ birthDate: '2026-01-01' });
    expect(readIdNumber(makeIdNumber('420115', '2026-01-02', 1), '2026-01-01')).toBe('has a birth date in the future');
  });

  test('gender from the 17th digit: odd male, even female', () => {
    expect(readIdNumber(makeIdNumber('420115', '1975-03-09', 1), '2026-01-01')).toMatchObject({ gender: 'MALE' });
    expect(readIdNumber(makeIdNumber('420115', '1975-03-09', 2), '2026-01-01')).toMatchObject({ gender: 'FEMALE' });
  });
});

describe('money', () => {
  test('yuan from JSON numbers and text, exactly', () => {
    expect(parseYuan(280)).toBe(28000);
    expect(parseYuan(0.1)).toBe(10);
    expect(parseYuan('  12.5 ')).toBe(1250);
    expect(parseYuan('-3.05')).toBe(-305);
    expect(parseYuan(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseYuan(Number.NaN)).toBeNull();
    expect(parseYuan(null)).toBeNull();
    expect(parseYuan(true)).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
  });

  test('decimal text for PostgreSQL, zero and negatives included', () => {
    expect(fenToDecimal(0)).toBe('0.00');
    expect(fenToDecimal(5)).toBe('0.05');
    expect(fenToDecimal(-5)).toBe('-0.05');
    expect(fenToDecimal(374750)).toBe('3747.50');
  });
});

describe('poverty lines', () => {
  test('the national line of each year, the first before 2014 and the last after 2020', () => {
    expect(povertyLineFen(2014)).toBe(280000);
    expect(povertyLineFen(2016)).toBe(295200);
    expect(povertyLineFen(2020)).toBe(400000);
    expect(povertyLineFen(2013)).toBe(280000);
  });

  test('a configured year overrides from that year on, until the next configured one', () => {
    const lines = parsePovertyLines('2021:4200, 2023:4500.5');
    expect(lines).toEqual({ 2021: 4200, 2023: 4500.5 });
    expect(povertyLineFen(2022, lines)).toBe(420000);
    expect(povertyLineFen(2024, lines)).toBe(450050);
    expect(povertyLineFen(2020, lines)).toBe(400000);
    // Out of order in the setting, still by year.
    expect(povertyLineFen(2022, parsePovertyLines('2023:4500,2021:4200'))).toBe(420000);
  });

  test('the setting is YEAR:YUAN pairs with at most two decimals, nothing else', () => {
    expect(parsePovertyLines(undefined)).toEqual({});
    expect(parsePovertyLines('')).toEqual({});
    expect(parsePovertyLines(' 2021 : 4200.25 ')).toEqual({ 2021: 4200.25 });
    for (const bad of ['2021', '2021:', '21:4200', '2021:4200.123', '2021:42x', 'x2021:4200', '2021:4200x', '2021x:4200', '2021:4200.x', '2021;4200']) {
      expect(() => parsePovertyLines(bad)).toThrow(`poverty line "${bad}" is not YEAR:YUAN`);
    }
  });
});

describe('region codes', () => {
  test('every refusal says why', () => {
    expect(readRegionCode('42011510120')).toBe('must be 12 digits');
    expect(readRegionCode('4201151012011')).toBe('must be 12 digits');
    expect(readRegionCode('x42011510120')).toBe('must be 12 digits');
    expect(readRegionCode('000000000000')).toBe('the whole country is not a region that can be registered');
    expect(readRegionCode('420100001000')).toBe('has a zero group above a non-zero group');
  });

  test('a village: its prefix is the whole code, its parent the township', () => {
    expect(readRegionCode('420115101201')).toEqual({ level: 'VILLAGE', parentCode: '420115101000', prefix: '420115101201' });
    expect(readRegionCode('420000000000')).toEqual({ level: 'PROVINCE', parentCode: null, prefix: '42' });
    expect(readRegionCode('420100000000')).toEqual({ level: 'CITY', parentCode: '420000000000', prefix: '4201' });
    // A group ending in zero is not a zero group.
    expect(readRegionCode('420110000000')).toEqual({ level: 'COUNTY', parentCode: '420100000000', prefix: '420110' });
    expect(readRegionCode('420110100010')).toEqual({ level: 'VILLAGE', parentCode: '420110100000', prefix: '420110100010' });
  });

  test('prefixes and ranges: the country is everything, a county its own codes only', () => {
    expect(regionPrefix('000000000000')).toBe('');
    expect(regionPrefix('420115000000')).toBe('420115');
    expect(regionPrefix('bad')).toBe('bad');
    expect(regionRange('000000000000')).toEqual({ lo: '000000000000', hi: '~' });
    const { lo, hi } = regionRange('420115000000');
    expect(lo).toBe('420115000000');
    expect('420115999999' < hi && '420116000000' >= hi).toBe(true);
  });
});

describe('personal-data keys', () => {
  test('a key shorter than 32 bytes is refused', () => {
    expect(() => new PersonalDataCipher(Buffer.alloc(31).toString('base64'))).toThrow('the personal-data key must be at least 32 bytes, base64');
    expect(() => new PersonalDataCipher(Buffer.alloc(32).toString('base64'))).not.toThrow();
  });

  test('every byte of the key counts in the index; each of many encryptions gets a fresh IV', () => {
    const key = Buffer.alloc(32, 7);
    const a = new PersonalDataCipher(key.toString('base64'));
    key[31] = 8;
    const b = new PersonalDataCipher(key.toString('base64'));
    const id = makeIdNumber('420115', '1975-03-09', 123);
    expect(a.blindIndex(id)).not.toBe(b.blindIndex(id));
    const ivs = new Set<string>();
    for (let i = 0; i < 700; i++) {
      const sealed = a.encrypt(id);
      ivs.add(Buffer.from(sealed, 'base64').subarray(0, 12).toString('hex'));
      if (i % 100 === 0) expect(a.decrypt(sealed)).toBe(id);
    }
    expect(ivs.size).toBe(700);
  });

  test('what a member row stores: sealed, indexed, masked', () => {
    const cipher = new PersonalDataCipher(PersonalDataCipher.newKey());
    const id = makeIdNumber('420115', '1975-03-09', 123);
    const row = cipher.seal(id);
    expect(row.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(row.idNumberIndex).toBe(cipher.blindIndex(id));
    expect(cipher.decrypt(row.idNumberEncrypted)).toBe(id);
  });
});
