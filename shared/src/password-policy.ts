/**
 * The one password rule, used by the server (every place a password is set) and by the web forms.
 * Length matters most (NIST SP 800-63B); two character classes stop a single dictionary word padded
 * to length, and the username inside the password is the first thing a guesser tries.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const passwordPolicyText = `至少 ${PASSWORD_MIN_LENGTH} 位，包含字母、数字、符号中的至少两类，且不含用户名`;

/** What is wrong with a password (a Chinese message for the user), or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  // Characters, not UTF-16 units: a Chinese character or an emoji counts once.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  const letters = /\p{L}/u.test(password);
  const digits = /\p{N}/u.test(password);
  // Anything else is a symbol, spaces included, so a passphrase of words passes.
  const symbols = /[^\p{L}\p{N}]/u.test(password);
  if (Number(letters) + Number(digits) + Number(symbols) < 2) return '密码须包含字母、数字、符号中的至少两类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
