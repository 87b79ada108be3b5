/** Finding 15 (part): one password rule for the web and the server. */
import { describe, expect, it } from 'vitest';
import { createUserSchema, passwordSchema } from '../src/api/users';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../src/password-policy';

describe('password policy', () => {
  it('accepts the demo and test passwords and a long passphrase', () => {
    for (const pw of ['Liuzhou@2019', 'Test-password-1', 'correct horse battery staple', '柳州职业技能提升行动2019'])
      expect(passwordProblem(pw), pw).toBeNull();
    expect(passwordProblem('Liuzhou@2019', 'sanjiang')).toBeNull();
  });

  it(`needs at least ${PASSWORD_MIN_LENGTH} characters, counted as characters not bytes`, () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('Abcdefgh-12')).toBe('密码至少 12 位');
    expect(passwordProblem('职业技能提升行动柳州01')).toBeNull();
  });

  it('needs two of letters, digits and symbols: a 10- or 12-letter lower-case word is refused', () => {
    expect(passwordProblem('abcdefghij')).not.toBeNull();
    expect(passwordProblem('abcdefghijkl')).toBe('密码须包含字母、数字、符号中的至少两类');
    expect(passwordProblem('123456789012')).toBe('密码须包含字母、数字、符号中的至少两类');
    expect(passwordProblem('abcdefghijk1')).toBeNull();
    expect(passwordProblem('!!!!!!!!!!!1')).toBeNull();
  });

  it('must not contain the username, in any case', () => {
    expect(passwordProblem('xx-SanJiang-2020', 'sanjiang')).toBe('密码不能包含用户名');
    expect(passwordProblem('xx-SanJiang-2020', 'rsj')).toBeNull();
  });

  it('the zod schemas carry the rule with Chinese messages', () => {
    expect(passwordSchema.safeParse('abcdefghijkl').error?.issues[0]?.message).toBe(
      '密码须包含字母、数字、符号中的至少两类',
    );
    expect(passwordSchema.safeParse('Test-password-1').success).toBe(true);
    const named = createUserSchema.safeParse({ username: 'zhangsan', password: 'Zhangsan-2020', role: 'leader' });
    expect(named.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['password', '密码不能包含用户名']]);
  });
});
