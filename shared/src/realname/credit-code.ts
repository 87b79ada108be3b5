/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, Z, S, V), the last a
 * check character over the first 17 with weights 3^i mod 31.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

export type CreditCodeResult = { ok: true; creditCode: string } | { ok: false; message: string };

/** Upper-cases and drops spaces (a typing variant), then checks length, characters and check character. */
export function validateCreditCode(raw: string): CreditCodeResult {
  const code = raw.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为 18 位，实际为 ${code.length} 位` };
  const bad = [...code].find((ch) => !CHARSET.includes(ch));
  if (bad !== undefined) {
    return { ok: false, message: `统一社会信用代码含不允许的字符“${bad}”（不使用 I、O、Z、S、V）` };
  }
  const check = creditCheckCharacter(code);
  if (code[17] !== check) {
    return { ok: false, message: `统一社会信用代码校验位应为 ${check}，实际为 ${code[17]}，代码有误` };
  }
  return { ok: true, creditCode: code };
}
