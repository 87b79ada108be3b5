/**
 * Limits on failed logins (docs/decisions.md "Sign-in limits", docs/operations.md "Threat model", sign-in).
 * Three counters per attempt, kept for any name whether or not it exists, so a locked name and an unknown one
 * answer alike:
 *   - account + address: 5 failures lock that pair, so a guesser from one address locks out only itself;
 *   - address: 20 failures across any names block the address;
 *   - account: 100 failures from all addresses together lock the account everywhere (distributed guessing).
 * An attempt is reserved on all three before its password is checked, so a burst of concurrent logins
 * checks at most as many passwords as the limit allows.
 */
import { isIPv6 } from 'node:net';
import { writeTransaction, type Db } from '../../db/open-database';
import {
  deleteStaleThrottles,
  deleteThrottle,
  findThrottle,
  lockIfFull,
  releaseAttempt,
  takeAttempt,
  type ThrottleKey,
} from '../../db/login-throttle-store';

export const PAIR_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const ACCOUNT_LIMIT = 100;
/** The window every counter counts in, and how long a full counter stays locked after its last failure. */
export const THROTTLE_MS = 15 * 60 * 1000;

export interface Counter extends ThrottleKey {
  scope: 'address' | 'pair' | 'account';
}

export type Refusal = { code: 'account_locked' | 'address_blocked'; retryAfterMs: number };

/**
 * The throttled form of a client address. An IPv6 client usually holds a whole /64, so that is one
 * address here; IPv4 (and IPv4-mapped IPv6) as it is.
 */
export function addressKey(ip: string | null): string {
  if (!ip) return '-';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Address first: when it is blocked that is the answer, whatever the name. */
export function throttleKeys(username: string, ip: string | null): Counter[] {
  const name = username.toLowerCase();
  const address = addressKey(ip);
  return [
    { scope: 'address', key: `ip:${address}`, username: null, limit: ADDRESS_LIMIT },
    { scope: 'pair', key: `user+ip:${address} ${name}`, username: name, limit: PAIR_LIMIT },
    { scope: 'account', key: `user:${name}`, username: name, limit: ACCOUNT_LIMIT },
  ];
}

class Refused extends Error {
  constructor(readonly counter: Counter) {
    super('refused');
  }
}

/** Reserves an attempt on every key, or none (the transaction rolls back) and says which refused. */
export async function reserveAttempt(db: Db, keys: Counter[], nowMs: number): Promise<Refusal | null> {
  try {
    await writeTransaction(db, async (trx) => {
      await deleteStaleThrottles(trx, { nowMs, windowMs: THROTTLE_MS });
      for (const k of keys) if (!(await takeAttempt(trx, k, nowMs))) throw new Refused(k);
    });
    return null;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    // Not locked yet means full of attempts still being checked: their window is the best guess.
    const row = await findThrottle(db, e.counter.key);
    const until = row?.locked_until_ms ?? (row ? row.window_start_ms + THROTTLE_MS : nowMs + THROTTLE_MS);
    return {
      code: e.counter.scope === 'address' ? 'address_blocked' : 'account_locked',
      retryAfterMs: Math.max(until - nowMs, 1000),
    };
  }
}

/** The reserved attempt failed: it stays counted, and a full counter locks. Run inside the caller's transaction. */
export async function recordFailure(db: Db, keys: Counter[], nowMs: number): Promise<void> {
  for (const k of keys) await lockIfFull(db, { key: k.key, limit: k.limit, lockedUntilMs: nowMs + THROTTLE_MS });
}

/**
 * The reserved attempt succeeded: the account+address failures start again (as a correct password always
 * did), while the wider counters only give the place back, so a success cannot wipe someone else's failures.
 */
export async function recordSuccess(db: Db, keys: Counter[]): Promise<void> {
  for (const k of keys) {
    if (k.scope === 'pair') await deleteThrottle(db, k.key);
    else await releaseAttempt(db, k.key);
  }
}
