/**
 * How people appear to anyone who does not need them in full (个人信息保护法 art. 51; DOMAIN.md): an ID
 * number keeps its region code and last four at most, a phone its first three and last four, a name its
 * surname and, from three characters on, its last character.
 */

/** `450202199001011234` → `450202********1234`; `keep` = 4 gives the public notice's `4502**********1234`. */
export function maskIdNumber(idNumber: string, keep: 4 | 6 = 6): string {
  if (idNumber.length <= keep + 4) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, keep) + '*'.repeat(idNumber.length - keep - 4) + idNumber.slice(-4);
}

/** `13812345678` → `138****5678`; a landline or anything else keeps only its last four. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/gu, '');
  if (/^1\d{10}$/u.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** `张小三` → `张*三`, `李四` → `李*`, `欧阳小明` → `欧**明`. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
