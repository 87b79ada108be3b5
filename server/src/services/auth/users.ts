/** User administration (admin only at the route level) and the first-run admin account. */
import type { CreateUser, UpdateUser, User } from '@lz/shared/api/users';
import type { SessionUser } from '@lz/shared/api/session';
import { passwordProblem } from '@lz/shared/password-policy';
import { appendAudit, lastLogins } from '../../db/audit-log';
import { writeTransaction } from '../../db/open-database';
import { deleteUserThrottles, userLockedUntil } from '../../db/login-throttle-store';
import {
  deleteUserSessions,
  findUserById,
  findUserByName,
  insertUser,
  listUserRows,
  updateUserFields,
  type UserRow,
} from '../../db/user-store';
import type { Deps } from '../../deps';
import { badRequest, conflict, notFound } from '../../errors';
import { hashPassword } from './passwords';

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    department: u.department,
    county: u.county,
  };
}

/** `lockedUntil`: the latest lock on the account from any address (login-throttle.ts). */
async function toUser(deps: Deps, u: UserRow, logins?: Map<string, string>): Promise<User> {
  const locked = await userLockedUntil(deps.db, u.username, deps.clock.now().getTime());
  const lastLogin = (logins ?? (await lastLogins(deps.db))).get(u.username) ?? null;
  return {
    ...toSessionUser(u),
    disabled: u.disabled === 1,
    createdAt: u.created_at,
    lockedUntil: locked ? new Date(locked).toISOString() : null,
    lastLoginAt: lastLogin,
  };
}

/** The shared policy, here too: ensureAdmin and the first run reach the services without the zod schemas. */
function checkPassword(password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw badRequest(problem, 'weak_password');
}

/** What the audit log keeps of a user: never the hash. */
const auditView = (u: UserRow) => ({
  username: u.username,
  role: u.role,
  department: u.department,
  county: u.county,
  disabled: u.disabled === 1,
});

function checkBinding(deps: Deps, role: string, department: string | null, county: string | null) {
  if (role === 'reporter') {
    const d = deps.catalogue.departments.find((x) => x.code === department);
    if (!d) throw badRequest('填报员必须绑定一个责任单位 (department)', 'binding_required');
  } else if (department) throw badRequest('只有填报员绑定责任单位', 'binding_not_allowed');
  if (role === 'county') {
    if (!deps.catalogue.units.some((u) => u.code === county))
      throw badRequest('县区用户必须绑定一个县区 (county)', 'binding_required');
  } else if (county) throw badRequest('只有县区用户绑定县区', 'binding_not_allowed');
}

export async function listUsers(deps: Deps): Promise<User[]> {
  const logins = await lastLogins(deps.db);
  const users: User[] = [];
  for (const u of await listUserRows(deps.db)) users.push(await toUser(deps, u, logins));
  return users;
}

export async function createUser(
  deps: Deps,
  input: CreateUser,
  actor: string | null,
  ip?: string | null,
): Promise<User> {
  const department = input.department ?? null;
  const county = input.county ?? null;
  checkBinding(deps, input.role, department, county);
  checkPassword(input.password, input.username);
  const hash = await hashPassword(input.password);
  const now = deps.clock.now();
  const id = await writeTransaction(deps.db, async (trx) => {
    if (await findUserByName(trx, input.username)) throw conflict(`用户名 ${input.username} 已存在`, 'username_taken');
    const newId = await insertUser(trx, {
      username: input.username,
      display_name: input.displayName ?? input.username,
      password_hash: hash,
      role: input.role,
      department,
      county,
      disabled: 0,
      created_at: now.toISOString(),
    });
    const row = await findUserById(trx, newId);
    if (row)
      await appendAudit(trx, now, {
        actor,
        action: 'user.create',
        target: `user/${input.username}`,
        before: null,
        after: auditView(row),
        ip,
      });
    return newId;
  });
  const row = await findUserById(deps.db, id);
  if (!row) throw notFound();
  return toUser(deps, row);
}

/**
 * Everything written is decided from a read inside the write transaction (IMMEDIATE, so nothing commits
 * between), and the hash is written only when the patch brings a new one: a concurrent login or another
 * admin's change is never undone by a row read before an await.
 */
export async function updateUser(
  deps: Deps,
  id: number,
  patch: UpdateUser,
  actor: string,
  ip?: string | null,
): Promise<User> {
  let hash: string | null = null;
  if (patch.password) {
    // The username never changes, so checking it against a read outside the transaction is safe.
    const named = await findUserById(deps.db, id);
    if (!named) throw notFound('用户不存在');
    checkPassword(patch.password, named.username);
    hash = await hashPassword(patch.password);
  }
  const now = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw notFound('用户不存在');
    const role = patch.role ?? before.role;
    const department =
      patch.department !== undefined ? patch.department : role === 'reporter' ? before.department : null;
    const county = patch.county !== undefined ? patch.county : role === 'county' ? before.county : null;
    checkBinding(deps, role, department, county);
    // Any change of rights or password ends the user's open sessions, and any login still checking a password.
    const endsSessions = Boolean(
      patch.password || patch.role || patch.disabled || patch.department !== undefined || patch.county !== undefined,
    );
    const next = {
      id,
      display_name: patch.displayName ?? before.display_name,
      role,
      department,
      county,
      disabled: patch.disabled === undefined ? before.disabled : patch.disabled ? 1 : 0,
    };
    await updateUserFields(trx, { ...next, password_hash: hash, bump: endsSessions ? 1 : 0 });
    if (endsSessions) await deleteUserSessions(trx, id);
    // A password reset by the admin also lifts every lockout of the account.
    if (patch.password) await deleteUserThrottles(trx, before.username);
    await appendAudit(trx, now, {
      actor,
      action: patch.password ? 'user.update.password' : 'user.update',
      target: `user/${before.username}`,
      before: auditView(before),
      after: auditView({ ...before, ...next }),
      ip,
    });
  });
  const row = await findUserById(deps.db, id);
  if (!row) throw notFound();
  return toUser(deps, row);
}

/** `ADMIN_PASSWORD`: make sure an `admin` account exists and has that password. */
export async function ensureAdmin(deps: Deps, password: string): Promise<void> {
  const existing = await findUserByName(deps.db, 'admin');
  if (!existing) {
    await createUser(deps, { username: 'admin', displayName: '市人社局统计员', password, role: 'admin' }, 'system');
    return;
  }
  await updateUser(deps, existing.id, { password, role: 'admin', disabled: false }, 'system');
}
