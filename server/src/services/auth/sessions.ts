/**
 * Login with slow-down and lockout, and opaque session tokens (only their SHA-256 is stored).
 * After 3 failures each further attempt must wait 2^(n-3) seconds; after 5 the account locks for 15 minutes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '@lz/shared/api/session';
import { appendAudit } from '../../db/audit-log';
import { deleteExpiredSessions, deleteSession, findSession, findUserById, findUserByName, insertSession, updateUserRow } from '../../db/user-store';
import type { Deps } from '../../deps';
import { AppError, unauthorized } from '../../errors';
import { dummyHash, verifyPassword } from './passwords';
import { toSessionUser } from './users';

export const SLOW_AFTER = 3;
export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(
  deps: Deps,
  username: string,
  password: string,
  ip: string | null,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { db, clock } = deps;
  const now = clock.now().getTime();
  const user = findUserByName(db, username);
  const fail = (reason: string) =>
    appendAudit(db, new Date(now), { actor: user?.username ?? null, action: 'session.login_failed', target: `user/${username.slice(0, 64)}`, after: { reason }, ip });

  if (!user) {
    await verifyPassword(await dummyHash(), password);
    fail('unknown_user');
    throw unauthorized('用户名或密码错误');
  }
  if (user.locked_until_ms && user.locked_until_ms > now) {
    fail('locked');
    throw new AppError(429, 'account_locked', `连续登录失败次数过多，账号已锁定，请于 ${Math.ceil((user.locked_until_ms - now) / 60000)} 分钟后再试`);
  }
  if (user.failed_logins >= SLOW_AFTER && user.last_failed_at_ms) {
    const wait = 2 ** (user.failed_logins - SLOW_AFTER) * 1000;
    if (now - user.last_failed_at_ms < wait) {
      fail('too_fast');
      throw new AppError(429, 'slow_down', `登录失败次数较多，请 ${Math.ceil(wait / 1000)} 秒后再试`);
    }
  }
  const ok = user.disabled === 0 && (await verifyPassword(user.password_hash, password));
  if (!ok) {
    db.transaction(() => {
      const fresh = findUserById(db, user.id) ?? user;
      const failures = fresh.failed_logins + 1;
      updateUserRow(db, {
        ...fresh,
        failed_logins: failures >= LOCK_AFTER ? 0 : failures,
        last_failed_at_ms: now,
        locked_until_ms: failures >= LOCK_AFTER ? now + LOCK_MS : fresh.locked_until_ms,
      });
      fail(user.disabled ? 'disabled' : 'bad_password');
    })();
    throw unauthorized('用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + deps.config.sessionHours * 3600 * 1000;
  db.transaction(() => {
    updateUserRow(db, { ...user, failed_logins: 0, last_failed_at_ms: null, locked_until_ms: null });
    deleteExpiredSessions(db, now);
    insertSession(db, { tokenHash: hashToken(token), userId: user.id, createdAtMs: now, expiresAtMs: expiresAt });
    appendAudit(db, new Date(now), { actor: user.username, action: 'session.login', target: `user/${user.username}`, ip });
  })();
  return { token, user: toSessionUser(user), expiresAt: new Date(expiresAt) };
}

/** The user behind a session token, or null when absent, expired or the user was disabled. */
export function userForToken(deps: Deps, token: string): { user: SessionUser; expiresAt: Date } | null {
  const s = findSession(deps.db, hashToken(token));
  if (!s || s.expires_at_ms <= deps.clock.now().getTime()) return null;
  const user = findUserById(deps.db, s.user_id);
  if (!user || user.disabled) return null;
  return { user: toSessionUser(user), expiresAt: new Date(s.expires_at_ms) };
}

export function logout(deps: Deps, token: string, user: SessionUser, ip: string | null): void {
  deps.db.transaction(() => {
    deleteSession(deps.db, hashToken(token));
    appendAudit(deps.db, deps.clock.now(), { actor: user.username, action: 'session.logout', target: `user/${user.username}`, ip });
  })();
}
