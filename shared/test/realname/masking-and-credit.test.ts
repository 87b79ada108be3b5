import { describe, expect, it } from 'vitest';
import { maskedIdSchema, maskedNameSchema } from '../../src/api/disclosure';
import { creditCheckCharacter, validateCreditCode } from '../../src/realname/credit-code';
import { maskIdNumber, maskName, maskPhone } from '../../src/realname/masking';

describe('masking', () => {
  it('keeps the region code and the last four of an ID number at most', () => {
    expect(maskIdNumber('450202199003071233')).toBe('450202********1233');
    expect(maskIdNumber('450202199003071233', 4)).toBe('4502**********1233');
    expect(maskIdNumber('12345')).toBe('*****');
  });
  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0772-2812345')).toBe('*******2345');
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳小明')).toBe('欧**明');
  });
  it('gives the forms the public site (#16) accepts', () => {
    expect(maskedIdSchema.safeParse(maskIdNumber('45020219900307123X', 4)).success).toBe(true);
    for (const name of ['张小三', '李四', '欧阳小明'])
      expect(maskedNameSchema.safeParse(maskName(name)).success, name).toBe(true);
  });
});

describe('统一社会信用代码', () => {
  it('computes the check character by hand', () => {
    // 9·1+1·3+3·9+5·27+0+1·26+0+0+21(M)·20+0+0+0+1·8+0+0+30(Y)·30+4·28 = 1640; 1640 mod 31 = 28; 31−28 = 3
    expect(creditCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100m000100y43')).toEqual({ ok: true, creditCode: '91350100M000100Y43' });
  });
  it('refuses with a Chinese reason', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/18 位/u),
    });
    expect(validateCreditCode('91350100M000100I43')).toMatchObject({ message: expect.stringMatching(/“I”/u) });
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({ message: expect.stringMatching(/校验位应为 3/u) });
  });
});
