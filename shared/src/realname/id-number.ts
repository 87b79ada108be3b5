/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male) and a
 * check character. A clerk types the same number as "450202 19900101 1234", with a lower-case x or with
 * full-width digits pasted from Word; those are one number, so they are normalised, never refused.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits of the region code: the provinces of GB/T 2260 (DOMAIN.md). */
const PROVINCE_RANGES: readonly [number, number][] = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
];

/** Why a number is refused: the rule (stable, for tests and grouping) and a sentence a clerk reads. */
export interface IdNumberProblem {
  rule: 'id-length' | 'id-characters' | 'id-province' | 'id-birth-date' | 'id-check';
  message: string;
}

export type IdNumberResult =
  | { ok: true; idNumber: string; birthDate: string; gender: '男' | '女' }
  | ({ ok: false } & IdNumberProblem);

/** Full-width digits and X fold to ASCII (NFKC), every space goes, a lower-case x becomes X. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff-]+/gu, '')
    .toUpperCase();
}

/** The check character of the first 17 digits (which must be digits). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Validates a typed number against `today` (YYYY-MM-DD, the campaign's calendar day) and answers the
 * normalised number with its birth date and gender, or the first rule it breaks.
 */
export function validateIdNumber(raw: string, today: string): IdNumberResult {
  const id = normaliseIdNumber(raw);
  if (id.length === 15 && /^\d{15}$/u.test(id)) {
    return fail('id-length', '是 15 位的旧身份证号码，请填写 18 位的公民身份号码');
  }
  if (id.length !== 18) return fail('id-length', `应为 18 位，实际为 ${id.length} 位`);
  if (!/^\d{17}[\dX]$/u.test(id)) return fail('id-characters', '前 17 位只能是数字，最后一位是数字或 X');
  const province = Number(id.slice(0, 2));
  if (!PROVINCE_RANGES.some(([lo, hi]) => province >= lo && province <= hi)) {
    return fail('id-province', `前两位 ${id.slice(0, 2)} 不是省级行政区划代码`);
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth)) {
    return fail('id-birth-date', `第 7–14 位的出生日期 ${id.slice(6, 14)} 不是有效日期`);
  }
  if (birth > today) return fail('id-birth-date', `出生日期 ${birth} 晚于今天`);
  const check = idCheckCharacter(id);
  if (id[17] !== check) return fail('id-check', `校验位应为 ${check}，实际为 ${id[17]}，号码有误（可能抄错了某一位）`);
  return { ok: true, idNumber: id, birthDate: birth, gender: Number(id[16]) % 2 === 1 ? '男' : '女' };
}

function fail(rule: IdNumberProblem['rule'], message: string): IdNumberResult {
  return { ok: false, rule, message: `公民身份号码${message}` };
}

/** A YYYY-MM-DD that names a day of the calendar (no 2月30日). */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Completed years between a birth date and a date (both YYYY-MM-DD): a birthday counts on its day. */
export function ageAt(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
