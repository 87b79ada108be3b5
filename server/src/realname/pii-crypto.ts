/**
 * Personal data at rest (个人信息保护法 art. 51; the blind-index pattern of ankane/blind_index): ID and phone
 * numbers are stored AES-256-GCM encrypted beside an HMAC-SHA256 keyed hash used for matching. The master
 * key lives outside the database: `PII_KEY` (32 bytes, base64 or hex) or a key file created at first start
 * with mode 0600 beside the database. Encryption, hashing and the key check use separate keys derived by
 * HKDF, so a leaked hash key decrypts nothing. No function here puts a plaintext into an error message.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const VERSION = 'v1';
const IV_BYTES = 12;
/** IVs drawn from the random source in one call per this many bytes (a call per IV was a third of encrypting). */
const IV_POOL_BYTES = IV_BYTES * 1024;
const TAG_BYTES = 16;

/** What a ciphertext belongs to: bound as additional data, so an ID cipher cannot be passed off as a phone. */
export type PiiField = 'idNumber' | 'phone';

export interface PiiCrypto {
  encrypt(plaintext: string, field: PiiField): string;
  /** Throws when the ciphertext was altered or made under another key. */
  decrypt(ciphertext: string, field: PiiField): string;
  /** Keyed hash of an already normalised value, hex; the same value and key always give the same hash. */
  hash(value: string, field: PiiField): string;
  /** Stored once in the database; tells at start whether the configured key is the one the data was made with. */
  keyCheck(): string;
  verifyKeyCheck(stored: string): boolean;
}

export class PiiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PiiKeyError';
  }
}

/** Reads a 32-byte key written as base64 or as 64 hex digits. */
export function parsePiiKey(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/iu.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new PiiKeyError(`PII_KEY must be 32 bytes (base64 or 64 hex digits); it decodes to ${bytes.length} bytes`);
  }
  return bytes;
}

/**
 * The master key: from `env` when given, else from `keyFile`, which is created (mode 0600, never
 * overwritten) when it does not exist yet.
 */
export function loadPiiKey(
  env: string | undefined,
  keyFile: string,
): { key: Buffer; source: 'env' | 'file' | 'created' } {
  if (env !== undefined && env.trim() !== '') return { key: parsePiiKey(env), source: 'env' };
  if (existsSync(keyFile)) return { key: parsePiiKey(readFileSync(keyFile, 'utf8')), source: 'file' };
  const key = randomBytes(32);
  // 'wx': two processes starting at once must not each write a different key.
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'created' };
}

export function createPiiCrypto(master: Buffer): PiiCrypto {
  if (master.length !== 32) throw new PiiKeyError('the PII master key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encKey = derive('lz-pii-encrypt-v1');
  const macKey = derive('lz-pii-match-v1');
  const checkKey = derive('lz-pii-key-check-v1');
  const keyCheck = () => `kcv1:${createHmac('sha256', checkKey).update('key-check').digest('hex').slice(0, 32)}`;

  // Each IV is fresh random bytes, used once; only the draws are batched.
  const pool = Buffer.alloc(IV_POOL_BYTES);
  let used = IV_POOL_BYTES;
  const nextIv = () => {
    if (used === IV_POOL_BYTES) {
      randomFillSync(pool);
      used = 0;
    }
    const iv = Buffer.from(pool.subarray(used, used + IV_BYTES));
    pool.fill(0, used, used + IV_BYTES);
    used += IV_BYTES;
    return iv;
  };

  return {
    encrypt(plaintext, field) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
    },
    decrypt(ciphertext, field) {
      const [version, payload] = ciphertext.split(':');
      const raw = Buffer.from(payload ?? '', 'base64');
      if (version !== VERSION || raw.length < IV_BYTES + TAG_BYTES) throw new PiiKeyError('not a PII ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new PiiKeyError('PII ciphertext failed authentication (altered, or made under another key)');
      }
    },
    hash: (value, field) => createHmac('sha256', macKey).update(`${field}\u0000${value}`).digest('hex'),
    keyCheck,
    verifyKeyCheck(stored) {
      const a = Buffer.from(keyCheck());
      const b = Buffer.from(stored);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

/**
 * Whether the server may start: refused when the database holds encrypted data and no key check matches
 * (a missing key file is recreated at start, so a wrong key is what a lost key looks like).
 */
export function assertKeyFits(crypto: PiiCrypto, storedCheck: string | null, holdsEncryptedData: boolean): void {
  if (storedCheck === null) {
    if (holdsEncryptedData) throw new PiiKeyError('the database holds encrypted personal data but no key check');
    return;
  }
  if (!crypto.verifyKeyCheck(storedCheck)) {
    throw new PiiKeyError(
      'the PII key does not match the key the database was encrypted with: set PII_KEY or restore the key file',
    );
  }
}

/** Key rotation, one stored value: decrypt under the old key, encrypt and hash under the new one. */
export function rotateValue(
  ciphertext: string,
  field: PiiField,
  from: PiiCrypto,
  to: PiiCrypto,
): { ciphertext: string; hash: string } {
  const plaintext = from.decrypt(ciphertext, field);
  return { ciphertext: to.encrypt(plaintext, field), hash: to.hash(plaintext, field) };
}
