import { describe, expect, it } from 'vitest';
import { checkRoster } from '../../src/realname/check-roster';
import { createPiiCrypto } from '../../src/realname/pii-crypto';
import { lookupKey, maskedTrainee, piiHashers, protectNumbers } from '../../src/realname/protect-trainee';
import { context, idOf, roster, trainee } from './roster-fixtures';

const pii = createPiiCrypto(Buffer.alloc(32, 5));
const id = idOf('19491231', '002', '110105');

describe('a trainee on the way to storage', () => {
  it('keeps no full number in any stored column, and can be read back with the key', () => {
    const stored = protectNumbers({ idNumber: id, phone: '13812345678' }, pii);
    expect(stored.idMasked).toBe('110105********002X');
    expect(stored.phoneMasked).toBe('138****5678');
    const text = JSON.stringify(stored);
    expect(text).not.toContain(id);
    expect(text).not.toContain('13812345678');
    expect(pii.decrypt(stored.idCipher, 'idNumber')).toBe(id);
    expect(protectNumbers({ idNumber: id, phone: '' }, pii)).toMatchObject({ phoneCipher: null, phoneHash: null });
    expect(maskedTrainee({ name: '黄小明', ...stored })).toEqual({
      name: '黄*明',
      idNumber: '110105********002X',
      phone: '138****5678',
    });
  });

  it('hashes the rules, the storage and the lookup alike, whatever variant was typed', async () => {
    const hashers = piiHashers(pii);
    const result = await checkRoster(roster({}, [trainee({ idNumber: id.toLowerCase(), gender: '女' })]), {
      ...context(),
      ...hashers,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const stored = protectNumbers(result.trainees[0]!, pii);
    expect(result.trainees[0]!.idHash).toBe(stored.idHash);
    expect(lookupKey(` ${id.slice(0, 6)} ${id.slice(6).toLowerCase()}`, pii, '2021-06-30')).toEqual({
      ok: true,
      idHash: stored.idHash,
      masked: '110105********002X',
    });
    expect(lookupKey('110105194912310021', pii, '2021-06-30')).toMatchObject({ ok: false, message: /校验位/u });
  });
});
