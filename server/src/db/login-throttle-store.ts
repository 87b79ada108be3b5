/**
 * Login attempt counters (docs/operations.md "Threat model: sign-in"). Every change is one conditional statement, so
 * concurrent logins can never read a count, wait for argon2, and write back a stale one.
 */
import { prepared, type Db } from './open-database';

export interface ThrottleKey {
  key: string;
  /** Lower-cased name for the per-account keys, so a password reset can lift them; null for an address. */
  username: string | null;
  limit: number;
}

export interface ThrottleRow {
  key: string;
  username: string | null;
  attempts: number;
  window_start_ms: number;
  locked_until_ms: number | null;
}

/** Drops rows whose window and lock have both passed (all keys share one window length). */
export const deleteStaleThrottles = (db: Db, p: { nowMs: number; windowMs: number }) =>
  prepared(
    db,
    'DELETE FROM login_throttle WHERE window_start_ms <= @nowMs - @windowMs AND ifnull(locked_until_ms, 0) <= @nowMs',
  ).run(p);

/**
 * Takes one attempt on `key` unless it already holds `limit` (failures plus attempts still checking)
 * or is locked: true when taken. A new key starts its window now.
 */
export function takeAttempt(db: Db, k: ThrottleKey, nowMs: number): boolean {
  const row = prepared(
    db,
    `INSERT INTO login_throttle (key, username, attempts, window_start_ms) VALUES (@key, @username, 1, @nowMs)
     ON CONFLICT (key) DO UPDATE SET attempts = attempts + 1
       WHERE attempts < @limit AND ifnull(locked_until_ms, 0) <= @nowMs
     RETURNING attempts`,
  ).get({ key: k.key, username: k.username, limit: k.limit, nowMs });
  return row !== undefined;
}

export const findThrottle = (db: Db, key: string) =>
  prepared(db, 'SELECT * FROM login_throttle WHERE key = ?').get(key) as ThrottleRow | undefined;

/** A failed attempt keeps its count; once the key holds `limit` it locks until `lockedUntilMs`. */
export const lockIfFull = (db: Db, p: { key: string; limit: number; lockedUntilMs: number }) =>
  prepared(
    db,
    'UPDATE login_throttle SET locked_until_ms = @lockedUntilMs WHERE key = @key AND attempts >= @limit AND ' +
      'locked_until_ms IS NULL',
  ).run(p);

/** A successful attempt gives its place back. */
export const releaseAttempt = (db: Db, key: string) =>
  prepared(db, 'UPDATE login_throttle SET attempts = attempts - 1 WHERE key = ? AND attempts > 0').run(key);

export const deleteThrottle = (db: Db, key: string) =>
  prepared(db, 'DELETE FROM login_throttle WHERE key = ?').run(key);

/** Lifts every per-account count and lock of a user (an admin password reset). */
export const deleteUserThrottles = (db: Db, username: string) =>
  db.prepare('DELETE FROM login_throttle WHERE username = ?').run(username.toLowerCase());

/** The latest lock on any of a user's keys still in force, for the user list. */
export const userLockedUntil = (db: Db, username: string, nowMs: number) =>
  (
    prepared(
      db,
      'SELECT max(locked_until_ms) AS until FROM login_throttle WHERE username = ? AND locked_until_ms > ?',
    ).get(username.toLowerCase(), nowMs) as { until: number | null }
  ).until;
