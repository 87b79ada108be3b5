import { sql } from 'kysely';
import type { Db } from './open-database';

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

/** Names match whatever their case (SQLite's NOCASE column, PostgreSQL's unique index on lower()). */
export const findUserByName = (db: Db, username: string): Promise<UserRow | undefined> =>
  db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();

export const findUserById = (db: Db, id: number): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const listUserRows = (db: Db): Promise<UserRow[]> => db.selectFrom('users').selectAll().orderBy('id').execute();

export async function insertUser(db: Db, u: Omit<UserRow, 'id' | 'auth_version'>): Promise<number> {
  const row = await db.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes an admin's change. The fields come from a read in the same transaction; the hash is written only
 * when a new one is given, and `bump` (0 or 1) moves auth_version on so no login begun before commits.
 */
export async function updateUserFields(
  db: Db,
  u: Pick<UserRow, 'id' | 'display_name' | 'role' | 'department' | 'county' | 'disabled'> & {
    password_hash: string | null;
    bump: 0 | 1;
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      display_name: u.display_name,
      role: u.role,
      department: u.department,
      county: u.county,
      disabled: u.disabled,
      ...(u.password_hash === null ? {} : { password_hash: u.password_hash }),
      auth_version: eb('auth_version', '+', u.bump),
    }))
    .where('id', '=', u.id)
    .execute();
}

/**
 * Opens a session only if the user is still enabled and at the auth_version the password was checked
 * against: a disable, reset or role change committed meanwhile wins. True when the session was inserted.
 */
export async function insertSessionIfCurrent(
  db: Db,
  s: { tokenHash: string; userId: number; authVersion: number; createdAtMs: number; expiresAtMs: number },
): Promise<boolean> {
  // Casts: PostgreSQL cannot infer a parameter's type from an INSERT … SELECT's column list.
  const result = await db
    .insertInto('sessions')
    .columns(['token_hash', 'user_id', 'auth_version', 'created_at_ms', 'expires_at_ms', 'last_seen_ms'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select([
          sql<string>`cast(${s.tokenHash} as text)`.as('token_hash'),
          'id',
          'auth_version',
          sql<number>`cast(${s.createdAtMs} as bigint)`.as('created_at_ms'),
          sql<number>`cast(${s.expiresAtMs} as bigint)`.as('expires_at_ms'),
          sql<number>`cast(${s.createdAtMs} as bigint)`.as('last_seen_ms'),
        ])
        .where('id', '=', s.userId)
        .where('auth_version', '=', s.authVersion)
        .where('disabled', '=', 0),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type SessionWithUser = UserRow & { token_hash: string; expires_at_ms: number; last_seen_ms: number };

/** A session with its user, if the session still belongs to the user's current auth_version. */
export const findSession = (db: Db, tokenHash: string): Promise<SessionWithUser | undefined> =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) =>
      join.onRef('u.id', '=', 's.user_id').onRef('u.auth_version', '=', 's.auth_version'),
    )
    .selectAll('u')
    .select(['s.token_hash', 's.expires_at_ms', 's.last_seen_ms'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();

/**
 * Moves last-seen on, at most once per `everyMs`, so an active session costs one write a minute, not one per request.
 */
export async function touchSession(db: Db, p: { tokenHash: string; nowMs: number; everyMs: number }): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_ms: p.nowMs })
    .where('token_hash', '=', p.tokenHash)
    .where('last_seen_ms', '<=', p.nowMs - p.everyMs)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
/** Sessions past their absolute end or idle since `idleSinceMs`. */
export async function deleteExpiredSessions(db: Db, p: { nowMs: number; idleSinceMs: number }): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at_ms', '<=', p.nowMs), eb('last_seen_ms', '<=', p.idleSinceMs)]))
    .execute();
}
