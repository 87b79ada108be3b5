/**
 * Findings 4 and 5: a login overlapping an administrator's change, and a burst of concurrent guesses.
 * The argon2 calls are wrapped so a test can hold a login (or a password reset) inside its hash step and
 * run the other request meanwhile: the interleaving is then exact, not a matter of timing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_LIMIT } from '../src/services/auth/login-throttle';
import { makeTestApp, PASSWORD, tableCounts } from './test-app';
import { one, value } from './sql';

const gate = vi.hoisted(() => ({
  verifies: 0,
  /** Set by a test: the next verify (or hash) reports its start and waits for `release`. */
  holdVerify: null as null | { started: () => void; release: Promise<void> },
  holdHash: null as null | { started: () => void; release: Promise<void> },
}));

vi.mock('../src/services/auth/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/services/auth/passwords')>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      gate.verifies++;
      const ok = await real.verifyPassword(hash, password);
      const hold = gate.holdVerify;
      gate.holdVerify = null;
      if (hold) {
        hold.started();
        await hold.release;
      }
      return ok;
    },
    hashPassword: async (password: string) => {
      const hash = await real.hashPassword(password);
      const hold = gate.holdHash;
      gate.holdHash = null;
      if (hold) {
        hold.started();
        await hold.release;
      }
      return hash;
    },
  };
});

/** Arms a hold; resolves `started` once the held call is in its hash step. */
function arm(which: 'holdVerify' | 'holdHash') {
  let release = () => {};
  let started = () => {};
  const isStarted = new Promise<void>((r) => (started = r));
  gate[which] = { started, release: new Promise<void>((r) => (release = r)) };
  return { isStarted, release };
}

beforeEach(() => {
  gate.verifies = 0;
  gate.holdVerify = null;
  gate.holdHash = null;
});

async function setup() {
  const t = await makeTestApp('2020-09-05T10:00:00+08:00');
  const admin = await t.login('admin');
  const id = (await value(t.deps.db, "SELECT id FROM users WHERE username = 'rsj'")) as number;
  const row = async () =>
    (await one(t.deps.db, 'SELECT role, department, county, disabled, password_hash FROM users WHERE id = ?', id)) as {
      role: string;
      department: string | null;
      disabled: number;
      password_hash: string;
    };
  const sessionsOf = async () =>
    (await value(t.deps.db, 'SELECT COUNT(*) FROM sessions WHERE user_id = ?', id)) as number;
  /** rsj's own login, held inside its password check while `during` runs. */
  async function loginDuring(during: () => Response | Promise<Response>, password = PASSWORD) {
    const hold = arm('holdVerify');
    const login = t.anonymous.post('/api/session', { username: 'rsj', password });
    await hold.isStarted;
    const change = await during();
    hold.release();
    return { change, login: await login };
  }
  return { t, admin, id, row, sessionsOf, loginDuring };
}

describe('a login overlapping an administrator’s change (finding 4)', () => {
  it(
    'a disable during the password check wins: the row stays ' + 'disabled and no session of the user survives',
    async () => {
      const { admin, id, row, sessionsOf, loginDuring } = await setup();
      const { change, login } = await loginDuring(() => admin.patch(`/api/users/${id}`, { disabled: true }));
      expect(change.status).toBe(200);
      expect(login.status).toBe(401);
      expect((await row()).disabled).toBe(1);
      expect(await sessionsOf()).toBe(0);
    },
  );

  it('a password reset during the password check wins: the old password no longer opens a session', async () => {
    const { t, admin, id, row, sessionsOf, loginDuring } = await setup();
    const { change, login } = await loginDuring(() =>
      admin.patch(`/api/users/${id}`, { password: 'Reset-during-login-1' }),
    );
    expect(change.status).toBe(200);
    expect(login.status).toBe(401);
    expect(await sessionsOf()).toBe(0);
    const reset = (await row()).password_hash;
    expect((await t.anonymous.post('/api/session', { username: 'rsj', password: PASSWORD })).status).toBe(401);
    expect((await t.anonymous.post('/api/session', { username: 'rsj', password: 'Reset-during-login-1' })).status).toBe(
      200,
    );
    expect((await row()).password_hash).toBe(reset);
  });

  it('a role change during the password check wins and ends every session of the user', async () => {
    const { t, admin, id, row, sessionsOf, loginDuring } = await setup();
    const open = await t.login('rsj');
    const { change, login } = await loginDuring(() => admin.patch(`/api/users/${id}`, { role: 'leader' }));
    expect(change.status).toBe(200);
    expect(login.status).toBe(401);
    expect(await row()).toMatchObject({ role: 'leader', department: null });
    expect(await sessionsOf()).toBe(0);
    expect((await open.get('/api/session')).status).toBe(401);
    // Signing in again afterwards gives the new role.
    const again = await t.login('rsj');
    expect(((await (await again.get('/api/session')).json()) as { user: { role: string } }).user.role).toBe('leader');
  });

  it('a display-name change during the password check does not stop the login, and is kept', async () => {
    const { admin, id, sessionsOf, loginDuring, t } = await setup();
    const { change, login } = await loginDuring(() => admin.patch(`/api/users/${id}`, { displayName: '新名字' }));
    expect(change.status).toBe(200);
    expect(login.status).toBe(200);
    expect(await sessionsOf()).toBe(1);
    expect(await value(t.deps.db, 'SELECT display_name FROM users WHERE id = ?', id)).toBe('新名字');
  });

  it('a lock set while a login checks its password is not undone by that login', async () => {
    const { t } = await setup();
    const hold = arm('holdVerify');
    const login = t.from('192.0.2.1').post('/api/session', { username: 'rsj', password: PASSWORD });
    await hold.isStarted;
    // Distributed guessing fills the account-wide counter meanwhile (one slot is the held login's).
    await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT }, (_, i) =>
        t.from(`10.2.${i >> 8}.${i & 255}`).post('/api/session', { username: 'rsj', password: 'Wrong-guess-1' }),
      ),
    );
    hold.release();
    expect((await login).status).toBe(200); // it was reserved before the lock
    expect((await t.from('192.0.2.99').post('/api/session', { username: 'rsj', password: PASSWORD })).status).toBe(429);
  }, 60_000);

  it('a password reset being hashed does not write back a role read before it', async () => {
    const { admin, id, row, t } = await setup();
    const hold = arm('holdHash');
    const reset = admin.patch(`/api/users/${id}`, { password: 'Reset-during-role-1' });
    await hold.isStarted;
    expect((await admin.patch(`/api/users/${id}`, { role: 'county', county: '450226' })).status).toBe(200);
    hold.release();
    expect((await reset).status).toBe(200);
    expect(await row()).toMatchObject({ role: 'county', department: null });
    expect((await t.anonymous.post('/api/session', { username: 'rsj', password: 'Reset-during-role-1' })).status).toBe(
      200,
    );
  });
});

describe('a burst of concurrent guesses (finding 5)', () => {
  it(
    '80 concurrent wrong passwords then the right one: at most 5 hashes checked, and the right one is refused ' +
      'while locked',
    async () => {
      const { t } = await setup();
      gate.verifies = 0;
      const wrong = Array.from({ length: 80 }, (_, i) =>
        t.anonymous.post('/api/session', { username: 'rsj', password: `Wrong-guess-${i}` }),
      );
      const right = t.anonymous.post('/api/session', { username: 'rsj', password: PASSWORD });
      const answers = await Promise.all([...wrong, right]);
      const badPasswords = (await value(
        t.deps.db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'session.login_failed' AND after LIKE '%bad_password%'",
      )) as number;
      expect(badPasswords).toBeLessThanOrEqual(5);
      expect(gate.verifies).toBeLessThanOrEqual(5);
      expect(answers.at(-1)?.status).toBe(429);
      expect(answers.filter((r) => r.status === 200)).toHaveLength(0);
      expect((await tableCounts(t.deps)).sessions).toBe(1); // the admin's only
      // Still locked afterwards, for the right password too.
      expect((await t.anonymous.post('/api/session', { username: 'rsj', password: PASSWORD })).status).toBe(429);
    },
  );

  it('an unknown name and a disabled account check a hash like a known one (same timing)', async () => {
    const { t, admin, id } = await setup();
    await admin.patch(`/api/users/${id}`, { disabled: true });
    for (const username of ['rsj', 'nobody-at-all', 'leader']) {
      gate.verifies = 0;
      expect((await t.anonymous.post('/api/session', { username, password: 'Not-the-password-1' })).status).toBe(401);
      expect(gate.verifies, username).toBe(1);
    }
  });
});
