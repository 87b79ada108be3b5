/**
 * A JSON answer serialised once and sent as the same string to every request that gets the same object.
 * Dashboard answers are computed once per data state and shared (services/progress/figures.ts `answer`); at a
 * nation's volume one of them is 2,850 rows, and serialising it per request cost more than computing it. The
 * bytes live as long as the answer object does (a WeakMap), so it goes when the answer leaves its cache.
 */
import type { Context } from 'hono';

const serialised = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

/**
 * The JSON of `value` as UTF-8 bytes, encoded on first use and reused while the object lives (bytes rather
 * than a string, so a request allocates no copy of a 500 KB body); treat `value` as frozen.
 */
function jsonOf(value: object): Uint8Array<ArrayBuffer> {
  const held = serialised.get(value);
  if (held !== undefined) return held;
  const bytes = utf8.encode(JSON.stringify(value));
  serialised.set(value, bytes);
  return bytes;
}

/** As `c.json(value)`, with the body serialised once per shared answer object. */
export function sharedJson(c: Context, value: object): Response {
  return c.body(jsonOf(value), 200, { 'Content-Type': 'application/json' });
}
