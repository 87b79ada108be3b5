import { describe, expect, it } from 'vitest';
import { ageAt, idCheckCharacter, isRealDate, normaliseIdNumber, validateIdNumber } from '../../src/realname/id-number';

const TODAY = '2021-06-30';

describe('公民身份号码 check character', () => {
  it('matches the standard examples, computed by hand', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    // 4·7+4·9+0+5·5+2·8+4·4+1·2+8·1+8·6+0+0+1·9+0+1·5+0+0+1·2 = 195; 195 mod 11 = 8 → 4
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    // Σ = 240; 240 mod 11 = 9 → 3
    expect(idCheckCharacter('45020219900307123')).toBe('3');
  });
});

describe('validateIdNumber', () => {
  it('answers the birth date and the gender from the sequence', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
    });
    expect(validateIdNumber('450202199003071233', TODAY)).toMatchObject({ ok: true, gender: '男' });
  });

  it('normalises typing variants instead of refusing them', () => {
    expect(normaliseIdNumber(' １１０１０５ 19491231 002x ')).toBe('11010519491231002X');
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(validateIdNumber('４４０５２４１８８００１０１００１４', TODAY)).toMatchObject({ ok: true, gender: '男' });
  });

  it('refuses each broken rule with its own Chinese reason', () => {
    const cases: [string, string, RegExp][] = [
      ['4405241880010100', 'id-length', /应为 18 位，实际为 16 位/u],
      ['440524800101001', 'id-length', /15 位的旧身份证号码/u],
      ['4405241880010100A4', 'id-characters', /前 17 位只能是数字/u],
      ['990524188001010014', 'id-province', /前两位 99/u],
      ['440524188002300014', 'id-birth-date', /18800230 不是有效日期/u],
      ['440524203001010014', 'id-birth-date', /晚于今天/u],
      ['440524188001010015', 'id-check', /校验位应为 4，实际为 5/u],
    ];
    for (const [raw, rule, message] of cases) {
      const result = validateIdNumber(raw, TODAY);
      expect(result, raw).toMatchObject({ ok: false, rule });
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });

  it('passes every generated valid number and fails every single-digit change of it', () => {
    let seed = 17;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 200; k++) {
      const region = ['450202', '450203', '450225', '110105', '650102'][next(5)] ?? '450202';
      const pad = (n: number) => String(n).padStart(2, '0');
      const birth = `${1950 + next(55)}${pad(1 + next(12))}${pad(1 + next(28))}`;
      const first17 = `${region}${birth}${String(next(1000)).padStart(3, '0')}`;
      const id = first17 + idCheckCharacter(first17);
      expect(validateIdNumber(id, TODAY).ok, id).toBe(true);
      // A single changed digit always changes Σ by d·w with 0 < |d| < 10 and w coprime to 11, so mod 11 moves.
      const at = next(17);
      const digit = Number(id[at]);
      const changed = id.slice(0, at) + String((digit + 1 + next(9)) % 10) + id.slice(at + 1);
      expect(validateIdNumber(changed, TODAY).ok, changed).toBe(false);
    }
  });
});

describe('dates and ages', () => {
  it('knows real calendar days', () => {
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2021-02-29')).toBe(false);
    expect(isRealDate('2021-13-01')).toBe(false);
  });
  it('counts completed years, a birthday counting on its day', () => {
    expect(ageAt('2004-03-07', '2020-03-06')).toBe(15);
    expect(ageAt('2004-03-07', '2020-03-07')).toBe(16);
    expect(ageAt('1960-12-31', '2020-12-30')).toBe(59);
  });
});
