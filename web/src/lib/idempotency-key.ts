/**
 * A fresh Idempotency-Key for one user action (a click on 报送, an upload): the server answers a repeat of
 * the same key with the first answer instead of storing the submission twice. getRandomValues, not
 * randomUUID: the intranet often serves the app over plain http, where randomUUID does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
