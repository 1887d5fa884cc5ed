import { ageOn, checkCharacter, decodeCursor, encodeCursor, fenToDecimal, fenToYuan, isRegistryYear, makeIdNumber, maskIdNumber, parsePovertyLines, parseYuan, povertyLineFen, readIdNumber, readRegionCode, regionPrefix } from '../src/index.js';

describe('resident ID numbers', () => {
  test('computes the ISO 7064 MOD 11-2 check character', () => {
    // The GB 11643 worked example.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  test('reads birth date and gender; lowercase x is X', () => {
    expect(readIdNumber('11010519491231002x', '2026-01-01')).toEqual({ idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE' });
    const male = makeIdNumber('420115', '1975-03-09', 123);
    expect(readIdNumber(male, '2026-01-01')).toMatchObject({ gender: 'MALE', birthDate: '1975-03-09' });
  });

  test.each([
    ['a wrong check character', '110105194912310021', 'fails its check character'],
    ['an impossible date', makeIdNumber('420115', '1980-02-30', 1), 'impossible birth date'],
    ['a future birth date', makeIdNumber('420115', '2030-01-01', 1), 'in the future'],
    ['17 characters', '11010519491231002', '17 digits'],
    ['letters', '1101051949123100AX', '17 digits'],
  ])('refuses %s', (_what, id, why) => {
    expect(readIdNumber(id, '2026-01-01')).toEqual(expect.stringContaining(why));
  });

  test('masks all but the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('region codes', () => {
  test('derives level, parent and prefix', () => {
    expect(readRegionCode('420115101201')).toEqual({ level: 'VILLAGE', parentCode: '420115101000', prefix: '420115101201' });
    expect(readRegionCode('420115101000')).toEqual({ level: 'TOWNSHIP', parentCode: '420115000000', prefix: '420115101' });
    expect(readRegionCode('420115000000')).toEqual({ level: 'COUNTY', parentCode: '420100000000', prefix: '420115' });
    expect(readRegionCode('420100000000')).toEqual({ level: 'CITY', parentCode: '420000000000', prefix: '4201' });
    expect(readRegionCode('420000000000')).toEqual({ level: 'PROVINCE', parentCode: null, prefix: '42' });
    expect(regionPrefix('000000000000')).toBe('');
  });

  test.each(['420100000201', '000000000000', '4201', '42011510120a'])('refuses %s', (code) => {
    expect(typeof readRegionCode(code)).toBe('string');
  });
});

describe('money', () => {
  test('parses yuan exactly into fen', () => {
    expect(parseYuan(3747.1)).toBe(374710);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan(0.1 + 0.2)).toBeNull(); // 0.30000000000000004 has more than two decimals
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBe(-500);
    expect(parseYuan('abc')).toBeNull();
  });

  test('formats fen without float arithmetic', () => {
    expect(fenToDecimal(374710)).toBe('3747.10');
    expect(fenToDecimal(-7)).toBe('-0.07');
    expect(fenToYuan(29)).toBe(0.29);
  });
});

describe('poverty lines and years', () => {
  test('uses the national defaults, the first line before 2014 and the last after 2020', () => {
    expect(povertyLineFen(2019)).toBe(374700);
    expect(povertyLineFen(2010)).toBe(280000);
    expect(povertyLineFen(2025)).toBe(400000);
    expect(povertyLineFen(2022, parsePovertyLines('2021:4200'))).toBe(420000);
  });

  test('registry years run from 2014 to next year', () => {
    expect(isRegistryYear(2014, '2026-11-23')).toBe(true);
    expect(isRegistryYear(2027, '2026-11-23')).toBe(true);
    expect(isRegistryYear(2013, '2026-11-23')).toBe(false);
    expect(isRegistryYear(2028, '2026-11-23')).toBe(false);
  });

  test('ages are whole years', () => {
    expect(ageOn('2010-09-01', '2016-08-31')).toBe(5);
    expect(ageOn('2010-08-31', '2016-08-31')).toBe(6);
  });
});

test('cursors round-trip and refuse what they did not make', () => {
  expect(decodeCursor(encodeCursor('4201151012010001'))).toBe('4201151012010001');
  expect(() => decodeCursor('bm9wZQ')).toThrow(/cursor/);
});

describe('CSV lines of department lists', () => {
  test('plain and quoted fields', async () => {
    const { parseCsvLine, parseCsvBoolean } = await import('../src/bulk/csv.js');
    expect(parseCsvLine('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(parseCsvLine('"江夏区, 人民医院","say ""hi""",3')).toEqual(['江夏区, 人民医院', 'say "hi"', '3']);
    expect([parseCsvBoolean('是'), parseCsvBoolean('FALSE'), parseCsvBoolean(''), parseCsvBoolean('?')]).toEqual([true, false, false, null]);
  });
});

describe('the blind index', () => {
  test('is HMAC-SHA256 under the derived index key, as stored indexes were made', async () => {
    const { createHmac, hkdfSync } = await import('node:crypto');
    const { PersonalDataCipher } = await import('../src/domain/personal-data.js');
    const key = PersonalDataCipher.newKey();
    const indexKey = Buffer.from(hkdfSync('sha256', Buffer.from(key, 'base64'), Buffer.alloc(0), 'fupin-hub id-number blind index', 32));
    const cipher = new PersonalDataCipher(key);
    for (const id of ['420115198005170013', '11010119491001037X', '']) {
      expect(cipher.blindIndex(id)).toBe(createHmac('sha256', indexKey).update(id).digest('base64url'));
    }
  });
});

test('COPY lines escape what COPY reads specially, and only that', async () => {
  const { copyLine } = await import('../src/bulk/copy.js');
  expect(copyLine([1, 'a\tb', 'c\\d', 'e\nf\rg', null, true, '张三'])).toBe('1\ta\\tb\tc\\\\d\te\\nf\\rg\t\\N\ttrue\t张三\n');
});

test('sealed ID numbers keep their format: iv | tag | AES-256-GCM ciphertext under the derived key', async () => {
  const { createDecipheriv, hkdfSync } = await import('node:crypto');
  const { PersonalDataCipher } = await import('../src/domain/personal-data.js');
  const key = PersonalDataCipher.newKey();
  const encKey = Buffer.from(hkdfSync('sha256', Buffer.from(key, 'base64'), Buffer.alloc(0), 'fupin-hub id-number encryption', 32));
  const cipher = new PersonalDataCipher(key);
  const sealed = Array.from({ length: 400 }, (_, i) => cipher.encrypt(`42011519800517${String(i).padStart(4, '0')}`));
  // Fresh IVs across a refill of the IV buffer.
  expect(new Set(sealed.map((s) => Buffer.from(s, 'base64').subarray(0, 12).toString('hex'))).size).toBe(400);
  const raw = Buffer.from(sealed[399]!, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  expect(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString()).toBe('420115198005170399');
  expect(cipher.decrypt(sealed[0]!)).toBe('420115198005170000');
});
