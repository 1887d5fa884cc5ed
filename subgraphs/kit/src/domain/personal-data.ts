import { createCipheriv, createDecipheriv, createSecretKey, hash, hkdfSync, type KeyObject, randomBytes, randomFillSync } from 'node:crypto';
import { maskIdNumber } from './id-number.js';

const keyBytes = (key: string, what: string): Buffer => {
  const raw = Buffer.from(key, 'base64');
  if (raw.length < 32) throw new Error(`the ${what} must be at least 32 bytes, base64`);
  return raw;
};

/**
 * The keyed hash (HMAC-SHA256) of ID numbers that lookups, uniqueness and department imports
 * match on. It is all a department needs of ID numbers: its key finds a member by number and
 * cannot decrypt one, so the registry's decryption key stays in the registry.
 */
export class BlindIndex {
  // HMAC-SHA256 with its padded keys made once: createHmac builds an OpenSSL context per call
  // (about 28 µs), two one-shot hashes take about 4 µs, and a department import hashes every row.
  private readonly innerPad = Buffer.alloc(64, 0x36);
  private readonly outerPad = Buffer.alloc(64, 0x5c);

  /** `key`: the blind-index key (`FUPIN_BLIND_INDEX_KEY`, see `PersonalDataCipher.blindIndexKey`). */
  constructor(key: string) {
    const indexKey = keyBytes(key, 'blind-index key');
    if (indexKey.length > 64) throw new Error('the blind-index key must be at most 64 bytes');
    for (let i = 0; i < indexKey.length; i++) {
      this.innerPad[i]! ^= indexKey[i]!;
      this.outerPad[i]! ^= indexKey[i]!;
    }
  }

  blindIndex(plain: string): string {
    const inner = hash('sha256', Buffer.concat([this.innerPad, Buffer.from(plain, 'utf8')]), 'buffer');
    return hash('sha256', Buffer.concat([this.outerPad, inner]), 'base64url');
  }
}

/**
 * ID numbers at rest: AES-256-GCM ciphertext for showing to those allowed, a keyed hash
 * (blind index) for lookups and uniqueness, and the masked form for everyone else. The two
 * keys are derived from one configured key (`FUPIN_PII_KEY`, the registry's alone), so the
 * index reveals nothing without it, and the index key can be handed to departments
 * (`blindIndexKey`) without the encryption key.
 */
export class PersonalDataCipher extends BlindIndex {
  // A KeyObject, not a Buffer: OpenSSL 3 then skips preparing the key for every cipher
  // (about 46 µs down to 9 per number), which a million-household seed notices.
  private readonly encKey: KeyObject;
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(key: string) {
    super(PersonalDataCipher.blindIndexKey(key));
    this.encKey = createSecretKey(Buffer.from(hkdfSync('sha256', keyBytes(key, 'personal-data key'), Buffer.alloc(0), 'fupin-hub id-number encryption', 32)));
  }

  /**
   * The blind-index key of a personal-data key (HKDF-SHA256, as the registry's stored indexes
   * were made): what a department is given, from which the encryption key cannot be had.
   */
  static blindIndexKey(key: string): string {
    return Buffer.from(hkdfSync('sha256', keyBytes(key, 'personal-data key'), Buffer.alloc(0), 'fupin-hub id-number blind index', 32)).toString('base64');
  }

  static newKey(): string {
    return randomBytes(32).toString('base64');
  }

  /** iv (12) | tag (16) | ciphertext, base64. */
  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  // Random IVs drawn from a buffer refilled by the CSPRNG 4 KiB at a time: one call per
  // 341 numbers instead of one each; every IV is still fresh random bytes, used once.
  private nextIv(): Buffer {
    if (this.ivAt + 12 > this.ivs.length) {
      this.ivs = randomFillSync(Buffer.alloc(12 * 341));
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, this.ivAt + 12);
    this.ivAt += 12;
    return iv;
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** What a member row stores for one ID number. */
  seal(idNumber: string): { idNumberEncrypted: string; idNumberIndex: string; idNumberMasked: string } {
    return { idNumberEncrypted: this.encrypt(idNumber), idNumberIndex: this.blindIndex(idNumber), idNumberMasked: maskIdNumber(idNumber) };
  }
}
