import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { maskIdNumber } from './id-number.js';

/**
 * ID numbers at rest: AES-256-GCM ciphertext for showing to those allowed, a keyed hash
 * (blind index) for lookups and uniqueness, and the masked form for everyone else. The two
 * keys are derived from one configured key, so the index reveals nothing without it.
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(key: string) {
    const raw = Buffer.from(key, 'base64');
    if (raw.length < 32) throw new Error('the personal-data key must be at least 32 bytes, base64');
    this.encKey = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'fupin-hub id-number encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'fupin-hub id-number blind index', 32));
  }

  static newKey(): string {
    return randomBytes(32).toString('base64');
  }

  /** iv (12) | tag (16) | ciphertext, base64. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('base64url');
  }

  /** What a member row stores for one ID number. */
  seal(idNumber: string): { idNumberEncrypted: string; idNumberIndex: string; idNumberMasked: string } {
    return { idNumberEncrypted: this.encrypt(idNumber), idNumberIndex: this.blindIndex(idNumber), idNumberMasked: maskIdNumber(idNumber) };
  }
}
