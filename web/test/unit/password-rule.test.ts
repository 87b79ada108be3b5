import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/features/users/components/password-rule';

describe('the user forms’ password rule', () => {
  it('is the shared policy: what the API refuses, the form refuses with the same message', async () => {
    await expect(checkPassword('Liuzhou@2019', 'rsj')).resolves.toBeUndefined();
    await expect(checkPassword('abcdefghij', 'rsj')).rejects.toThrow('密码至少 12 位');
    await expect(checkPassword('abcdefghijkl', 'rsj')).rejects.toThrow('密码须包含字母、数字、符号中的至少两类');
    await expect(checkPassword('Zhangsan-2020', 'zhangsan')).rejects.toThrow('密码不能包含用户名');
    await expect(checkPassword(undefined, 'rsj')).rejects.toThrow('密码至少 12 位');
  });
});
