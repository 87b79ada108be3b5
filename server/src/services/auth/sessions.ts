/**
 * Login and opaque session tokens (only their SHA-256 is stored). Failed logins are limited per account
 * and address (login-throttle.ts); sessions end after `sessionHours`, or after `sessionIdleMinutes` idle.
 *
 * A login never writes the user row. It reserves an attempt, checks the password against a snapshot of
 * the row, then opens the session only if that snapshot's auth_version is still current, so an admin's
 * disable, reset or role change made while the hash was being checked always wins.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '@lz/shared/api/session';
import { appendAudit } from '../../db/audit-log';
import { writeTransaction, type Db } from '../../db/open-database';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserByName,
  insertSessionIfCurrent,
  touchSession,
} from '../../db/user-store';
import type { Deps } from '../../deps';
import { AppError, unauthorized } from '../../errors';
import { recordFailure, recordSuccess, reserveAttempt, throttleKeys, type Refusal } from './login-throttle';
import { dummyHash, verifyPassword } from './passwords';
import { toSessionUser } from './users';

/** Last-seen is written at most this often per session. */
export const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function refusalError(r: Refusal): AppError {
  const minutes = Math.ceil(r.retryAfterMs / 60000);
  return r.code === 'address_blocked'
    ? new AppError(429, 'address_blocked', `该地址登录失败次数过多，请于 ${minutes} 分钟后再试`)
    : new AppError(429, 'account_locked', `连续登录失败次数过多，账号已锁定，请于 ${minutes} 分钟后再试`);
}

export async function login(
  deps: Deps,
  username: string,
  password: string,
  ip: string | null,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { db, clock, config } = deps;
  const now = clock.now().getTime();
  const keys = throttleKeys(username, ip);
  // Read only: what the password is checked against. Nothing here is ever written back.
  const user = await findUserByName(db, username);
  const audit = (on: Db, action: string, reason?: string) =>
    appendAudit(on, new Date(now), {
      actor: user?.username ?? null,
      action,
      target: `user/${username.slice(0, 64)}`,
      after: reason ? { reason } : undefined,
      ip,
    });

  const refused = await reserveAttempt(db, keys, now);
  if (refused) {
    await audit(db, 'session.login_failed', refused.code === 'address_blocked' ? 'address_blocked' : 'locked');
    throw refusalError(refused);
  }
  // Every name costs one hash check, unknown and disabled ones included, so timing tells nothing.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const failed = async (reason: string) => {
    await writeTransaction(db, async (trx) => {
      await recordFailure(trx, keys, now);
      await audit(trx, 'session.login_failed', reason);
    });
    return unauthorized('用户名或密码错误');
  };
  if (!user) throw await failed('unknown_user');
  if (!ok) throw await failed('bad_password');
  if (user.disabled) throw await failed('disabled');

  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + config.sessionHours * 3600 * 1000;
  const opened = await writeTransaction(db, async (trx) => {
    const inserted = await insertSessionIfCurrent(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      authVersion: user.auth_version,
      createdAtMs: now,
      expiresAtMs: expiresAt,
    });
    if (!inserted) return false;
    await recordSuccess(trx, keys);
    await deleteExpiredSessions(trx, { nowMs: now, idleSinceMs: now - config.sessionIdleMinutes * 60000 });
    await audit(trx, 'session.login');
    return true;
  });
  // Disabled, reset or re-roled while the password was being checked.
  if (!opened) throw await failed('account_changed');
  return { token, user: toSessionUser(user), expiresAt: new Date(expiresAt) };
}

/**
 * The user behind a session token, or null when absent, past its absolute end, idle too long (then it is
 * deleted), or from before a change of the user's rights; disabled users have none.
 */
export async function userForToken(deps: Deps, token: string): Promise<{ user: SessionUser; expiresAt: Date } | null> {
  const { db, clock, config } = deps;
  const now = clock.now().getTime();
  const tokenHash = hashToken(token);
  const s = await findSession(db, tokenHash);
  if (!s || s.expires_at_ms <= now || s.disabled) return null;
  if (s.last_seen_ms + config.sessionIdleMinutes * 60000 <= now) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (now - s.last_seen_ms >= TOUCH_EVERY_MS)
    await touchSession(db, { tokenHash, nowMs: now, everyMs: TOUCH_EVERY_MS });
  return { user: toSessionUser(s), expiresAt: new Date(s.expires_at_ms) };
}

export async function logout(deps: Deps, token: string, user: SessionUser, ip: string | null): Promise<void> {
  await writeTransaction(deps.db, async (trx) => {
    await deleteSession(trx, hashToken(token));
    await appendAudit(trx, deps.clock.now(), {
      actor: user.username,
      action: 'session.logout',
      target: `user/${user.username}`,
      ip,
    });
  });
}
