/**
 * Login attempt counters (docs/operations.md "Threat model: sign-in"). Every change is one conditional statement, so
 * concurrent logins can never read a count, wait for argon2, and write back a stale one.
 */
import { sql } from 'kysely';
import type { Db } from './open-database';

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
export async function deleteStaleThrottles(db: Db, p: { nowMs: number; windowMs: number }): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_start_ms', '<=', p.nowMs - p.windowMs)
    .where(sql<number>`coalesce(locked_until_ms, 0)`, '<=', p.nowMs)
    .execute();
}

/**
 * Takes one attempt on `key` unless it already holds `limit` (failures plus attempts still checking)
 * or is locked: true when taken. A new key starts its window now.
 */
export async function takeAttempt(db: Db, k: ThrottleKey, nowMs: number): Promise<boolean> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key: k.key, username: k.username, attempts: 1, window_start_ms: nowMs })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ attempts: eb('login_throttle.attempts', '+', 1) }))
        .where('login_throttle.attempts', '<', k.limit)
        .where(sql<number>`coalesce(login_throttle.locked_until_ms, 0)`, '<=', nowMs),
    )
    .returning('attempts')
    .executeTakeFirst();
  return row !== undefined;
}

export const findThrottle = (db: Db, key: string): Promise<ThrottleRow | undefined> =>
  db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();

/** A failed attempt keeps its count; once the key holds `limit` it locks until `lockedUntilMs`. */
export async function lockIfFull(db: Db, p: { key: string; limit: number; lockedUntilMs: number }): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ locked_until_ms: p.lockedUntilMs })
    .where('key', '=', p.key)
    .where('attempts', '>=', p.limit)
    .where('locked_until_ms', 'is', null)
    .execute();
}

/** A successful attempt gives its place back. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Lifts every per-account count and lock of a user (an admin password reset). */
export async function deleteUserThrottles(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username.toLowerCase()).execute();
}

/** The latest lock on any of a user's keys still in force, for the user list. */
export async function userLockedUntil(db: Db, username: string, nowMs: number): Promise<number | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until_ms').as('until'))
    .where('username', '=', username.toLowerCase())
    .where('locked_until_ms', '>', nowMs)
    .executeTakeFirst();
  return row?.until ?? null;
}
