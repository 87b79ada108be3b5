import { prepared, type Db } from './open-database';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'admin' | 'leader' | 'reporter' | 'inspector' | 'county';
  department: string | null;
  county: string | null;
  disabled: number;
  created_at: string;
  /** Bumped by every change that ends the user's sessions (migration 004). */
  auth_version: number;
}

export const findUserByName = (db: Db, username: string) =>
  db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;

export const findUserById = (db: Db, id: number) =>
  prepared(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

export const listUserRows = (db: Db) => db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[];

export function insertUser(db: Db, u: Omit<UserRow, 'id' | 'auth_version'>): number {
  const info = db
    .prepare(
      `INSERT INTO users (username, display_name, password_hash, role, department, county, disabled, created_at)
       VALUES (@username, @display_name, @password_hash, @role, @department, @county, @disabled, @created_at)`,
    )
    .run(u);
  return Number(info.lastInsertRowid);
}

/**
 * Writes an admin's change. The fields come from a read in the same transaction; the hash is written only
 * when a new one is given, and `bump` (0 or 1) moves auth_version on so no login begun before commits.
 */
export function updateUserFields(
  db: Db,
  u: Pick<UserRow, 'id' | 'display_name' | 'role' | 'department' | 'county' | 'disabled'> & {
    password_hash: string | null;
    bump: 0 | 1;
  },
): void {
  db.prepare(
    `UPDATE users SET display_name = @display_name, role = @role, department = @department, county = @county,
       disabled = @disabled,
       password_hash = coalesce(@password_hash, password_hash), auth_version = auth_version + @bump WHERE id = @id`,
  ).run(u);
}

/**
 * Opens a session only if the user is still enabled and at the auth_version the password was checked
 * against: a disable, reset or role change committed meanwhile wins. True when the session was inserted.
 */
export function insertSessionIfCurrent(
  db: Db,
  s: { tokenHash: string; userId: number; authVersion: number; createdAtMs: number; expiresAtMs: number },
): boolean {
  const info = db
    .prepare(
      `INSERT INTO sessions (token_hash, user_id, auth_version, created_at_ms, expires_at_ms, last_seen_ms)
       SELECT @tokenHash, id, auth_version, @createdAtMs, @expiresAtMs, @createdAtMs FROM users
       WHERE id = @userId AND auth_version = @authVersion AND disabled = 0`,
    )
    .run(s);
  return info.changes === 1;
}

export type SessionWithUser = UserRow & { token_hash: string; expires_at_ms: number; last_seen_ms: number };

/** A session with its user, if the session still belongs to the user's current auth_version. */
export const findSession = (db: Db, tokenHash: string) =>
  prepared(
    db,
    `SELECT u.*, s.token_hash, s.expires_at_ms, s.last_seen_ms FROM sessions s
     JOIN users u ON u.id = s.user_id AND u.auth_version = s.auth_version WHERE s.token_hash = ?`,
  ).get(tokenHash) as SessionWithUser | undefined;

/**
 * Moves last-seen on, at most once per `everyMs`, so an active session costs one write a minute, not one per request.
 */
export const touchSession = (db: Db, p: { tokenHash: string; nowMs: number; everyMs: number }) =>
  prepared(
    db,
    'UPDATE sessions SET last_seen_ms = @nowMs WHERE token_hash = @tokenHash AND last_seen_ms <= @nowMs - @everyMs',
  ).run(p);

export const deleteSession = (db: Db, tokenHash: string) =>
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
export const deleteUserSessions = (db: Db, userId: number) =>
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
/** Sessions past their absolute end or idle since `idleSinceMs`. */
export const deleteExpiredSessions = (db: Db, p: { nowMs: number; idleSinceMs: number }) =>
  db.prepare('DELETE FROM sessions WHERE expires_at_ms <= @nowMs OR last_seen_ms <= @idleSinceMs').run(p);
