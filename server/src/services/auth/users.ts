/** User administration (admin only at the route level) and the first-run admin account. */
import type { CreateUser, UpdateUser, User } from '@lz/shared/api/users';
import type { SessionUser } from '@lz/shared/api/session';
import { appendAudit } from '../../db/audit-log';
import { deleteUserSessions, findUserById, findUserByName, insertUser, listUserRows, updateUserRow, type UserRow } from '../../db/user-store';
import type { Deps } from '../../deps';
import { badRequest, conflict, notFound } from '../../errors';
import { hashPassword } from './passwords';

export function toSessionUser(u: UserRow): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, department: u.department, county: u.county };
}

function toUser(u: UserRow): User {
  return {
    ...toSessionUser(u),
    disabled: u.disabled === 1,
    createdAt: u.created_at,
    lockedUntil: u.locked_until_ms ? new Date(u.locked_until_ms).toISOString() : null,
  };
}

/** What the audit log keeps of a user: never the hash. */
const auditView = (u: UserRow) => ({ username: u.username, role: u.role, department: u.department, county: u.county, disabled: u.disabled === 1 });

function checkBinding(deps: Deps, role: string, department: string | null, county: string | null) {
  if (role === 'reporter') {
    const d = deps.catalogue.departments.find((x) => x.code === department);
    if (!d) throw badRequest('填报员必须绑定一个责任单位 (department)', 'binding_required');
  } else if (department) throw badRequest('只有填报员绑定责任单位', 'binding_not_allowed');
  if (role === 'county') {
    if (!deps.catalogue.units.some((u) => u.code === county)) throw badRequest('县区用户必须绑定一个县区 (county)', 'binding_required');
  } else if (county) throw badRequest('只有县区用户绑定县区', 'binding_not_allowed');
}

export const listUsers = (deps: Deps): User[] => listUserRows(deps.db).map(toUser);

export async function createUser(deps: Deps, input: CreateUser, actor: string | null, ip?: string | null): Promise<User> {
  const department = input.department ?? null;
  const county = input.county ?? null;
  checkBinding(deps, input.role, department, county);
  const hash = await hashPassword(input.password);
  const now = deps.clock.now();
  const id = deps.db.transaction(() => {
    if (findUserByName(deps.db, input.username)) throw conflict(`用户名 ${input.username} 已存在`, 'username_taken');
    const newId = insertUser(deps.db, {
      username: input.username,
      display_name: input.displayName ?? input.username,
      password_hash: hash,
      role: input.role,
      department,
      county,
      disabled: 0,
      created_at: now.toISOString(),
    });
    const row = findUserById(deps.db, newId);
    if (row) appendAudit(deps.db, now, { actor, action: 'user.create', target: `user/${input.username}`, before: null, after: auditView(row), ip });
    return newId;
  })();
  const row = findUserById(deps.db, id);
  if (!row) throw notFound();
  return toUser(row);
}

export async function updateUser(deps: Deps, id: number, patch: UpdateUser, actor: string, ip?: string | null): Promise<User> {
  const existing = findUserById(deps.db, id);
  if (!existing) throw notFound('用户不存在');
  const role = patch.role ?? existing.role;
  const department = patch.department !== undefined ? patch.department : role === 'reporter' ? existing.department : null;
  const county = patch.county !== undefined ? patch.county : role === 'county' ? existing.county : null;
  checkBinding(deps, role, department, county);
  const hash = patch.password ? await hashPassword(patch.password) : existing.password_hash;
  const now = deps.clock.now();
  deps.db.transaction(() => {
    const before = findUserById(deps.db, id);
    if (!before) throw notFound('用户不存在');
    const next: UserRow = {
      ...before,
      display_name: patch.displayName ?? before.display_name,
      password_hash: hash,
      role,
      department,
      county,
      disabled: patch.disabled === undefined ? before.disabled : patch.disabled ? 1 : 0,
      // A password reset by the admin also lifts a lockout.
      ...(patch.password ? { failed_logins: 0, locked_until_ms: null, last_failed_at_ms: null } : {}),
    };
    updateUserRow(deps.db, next);
    // Any change of rights or password ends the user's open sessions.
    if (patch.password || patch.role || patch.disabled || patch.department !== undefined || patch.county !== undefined) {
      deleteUserSessions(deps.db, id);
    }
    appendAudit(deps.db, now, {
      actor,
      action: patch.password ? 'user.update.password' : 'user.update',
      target: `user/${before.username}`,
      before: auditView(before),
      after: auditView(next),
      ip,
    });
  })();
  const row = findUserById(deps.db, id);
  if (!row) throw notFound();
  return toUser(row);
}

/** `ADMIN_PASSWORD`: make sure an `admin` account exists and has that password. */
export async function ensureAdmin(deps: Deps, password: string): Promise<void> {
  const existing = findUserByName(deps.db, 'admin');
  if (!existing) {
    await createUser(deps, { username: 'admin', displayName: '市人社局统计员', password, role: 'admin' }, 'system');
    return;
  }
  await updateUser(deps, existing.id, { password, role: 'admin', disabled: false }, 'system');
}
