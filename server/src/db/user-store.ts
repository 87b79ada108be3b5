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
  failed_logins: number;
  last_failed_at_ms: number | null;
  locked_until_ms: number | null;
}

export const findUserByName = (db: Db, username: string) =>
  db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;

export const findUserById = (db: Db, id: number) => prepared(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

export const listUserRows = (db: Db) => db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[];

export function insertUser(db: Db, u: Omit<UserRow, 'id' | 'failed_logins' | 'last_failed_at_ms' | 'locked_until_ms'>): number {
  const info = db
    .prepare(
      `INSERT INTO users (username, display_name, password_hash, role, department, county, disabled, created_at)
       VALUES (@username, @display_name, @password_hash, @role, @department, @county, @disabled, @created_at)`,
    )
    .run(u);
  return Number(info.lastInsertRowid);
}

export function updateUserRow(db: Db, u: UserRow): void {
  db.prepare(
    `UPDATE users SET display_name = @display_name, password_hash = @password_hash, role = @role, department = @department,
       county = @county, disabled = @disabled, failed_logins = @failed_logins, last_failed_at_ms = @last_failed_at_ms,
       locked_until_ms = @locked_until_ms WHERE id = @id`,
  ).run(u);
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; createdAtMs: number; expiresAtMs: number }): void {
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at_ms, expires_at_ms) VALUES (@tokenHash, @userId, @createdAtMs, @expiresAtMs)').run(s);
}

export const findSession = (db: Db, tokenHash: string) =>
  prepared(db, 'SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as
    | { token_hash: string; user_id: number; created_at_ms: number; expires_at_ms: number }
    | undefined;

export const deleteSession = (db: Db, tokenHash: string) => db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
export const deleteUserSessions = (db: Db, userId: number) => db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
export const deleteExpiredSessions = (db: Db, nowMs: number) => db.prepare('DELETE FROM sessions WHERE expires_at_ms <= ?').run(nowMs);
