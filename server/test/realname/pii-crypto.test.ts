import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertKeyFits,
  createPiiCrypto,
  loadPiiKey,
  parsePiiKey,
  PiiKeyError,
  rotateValue,
} from '../../src/realname/pii-crypto';

const ID = '450202199003071233';
const keyA = Buffer.alloc(32, 7);
const keyB = Buffer.alloc(32, 9);

describe('PII encryption', () => {
  const a = createPiiCrypto(keyA);

  it('round-trips, with a fresh IV each time and no plaintext in the ciphertext', () => {
    const c1 = a.encrypt(ID, 'idNumber');
    const c2 = a.encrypt(ID, 'idNumber');
    expect(c1).not.toBe(c2);
    expect(a.decrypt(c1, 'idNumber')).toBe(ID);
    const stored = `${c1}${Buffer.from(c1.slice(3), 'base64').toString('latin1')}`;
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain(ID.slice(6, 14));
  });

  it('detects tampering, a swapped field and a wrong key, without naming the plaintext', () => {
    const c = a.encrypt(ID, 'idNumber');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[14] = (raw[14] ?? 0) ^ 1;
    const tampered = `v1:${raw.toString('base64')}`;
    expect(() => a.decrypt(tampered, 'idNumber')).toThrow(PiiKeyError);
    expect(() => a.decrypt(c, 'phone')).toThrow(/authentication/u);
    const b = createPiiCrypto(keyB);
    expect(() => b.decrypt(c, 'idNumber')).toThrow(PiiKeyError);
    try {
      b.decrypt(c, 'idNumber');
    } catch (err) {
      expect(String(err)).not.toContain(ID);
    }
  });

  it('hashes with the key: stable for one key, different across keys and fields', () => {
    expect(a.hash(ID, 'idNumber')).toBe(a.hash(ID, 'idNumber'));
    expect(a.hash(ID, 'idNumber')).toMatch(/^[0-9a-f]{64}$/u);
    expect(a.hash(ID, 'idNumber')).not.toBe(createPiiCrypto(keyB).hash(ID, 'idNumber'));
    expect(a.hash(ID, 'idNumber')).not.toBe(a.hash(ID, 'phone'));
  });

  it('refuses to start on a wrong key or encrypted data without a key check', () => {
    const check = a.keyCheck();
    expect(a.verifyKeyCheck(check)).toBe(true);
    expect(() => assertKeyFits(a, check, true)).not.toThrow();
    expect(() => assertKeyFits(createPiiCrypto(keyB), check, true)).toThrow(/does not match/u);
    expect(() => assertKeyFits(a, null, true)).toThrow(PiiKeyError);
    expect(() => assertKeyFits(a, null, false)).not.toThrow();
  });

  it('rotates a value to a new key: new cipher and hash, old key no longer opens it', () => {
    const b = createPiiCrypto(keyB);
    const rotated = rotateValue(a.encrypt(ID, 'idNumber'), 'idNumber', a, b);
    expect(b.decrypt(rotated.ciphertext, 'idNumber')).toBe(ID);
    expect(rotated.hash).toBe(b.hash(ID, 'idNumber'));
    expect(() => a.decrypt(rotated.ciphertext, 'idNumber')).toThrow(PiiKeyError);
  });
});

describe('the master key', () => {
  it('reads PII_KEY as base64 or hex, and refuses a wrong length', () => {
    expect(parsePiiKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parsePiiKey(keyA.toString('hex'))).toEqual(keyA);
    expect(() => parsePiiKey('c2hvcnQ=')).toThrow(/32 bytes/u);
  });

  it('creates a key file with mode 0600 at first start and reads it back after', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pii-')), 'pii.key');
    const first = loadPiiKey(undefined, file);
    expect(first.source).toBe('created');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('base64'));
    const again = loadPiiKey('', file);
    expect(again).toEqual({ key: first.key, source: 'file' });
    expect(loadPiiKey(keyB.toString('hex'), file)).toEqual({ key: keyB, source: 'env' });
  });
});
