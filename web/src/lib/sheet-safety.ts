/**
 * A text cell beginning with = + - @ (or a tab / carriage return) would be read as a formula by Excel
 * (CSV/formula injection); prefixing a single quote makes it plain text. Numbers are left alone.
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
