import { describe, expect, it } from 'vitest';
import { sessionSchema } from '@lz/shared/api/session';
import { userSchema } from '@lz/shared/api/users';
import { PAIR_LIMIT, THROTTLE_MS } from '../src/services/auth/login-throttle';
import { makeTestApp, PASSWORD } from './test-app';
import { column, value } from './sql';

describe('sessions', () => {
  it('login sets an httpOnly SameSite=Lax cookie; GET returns the user; DELETE logs out', async () => {
    const t = await makeTestApp();
    const res = await t.anonymous.post('/api/session', { username: 'rsj', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lz_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const rsj = await t.login('rsj');
    const s = sessionSchema.parse(await (await rsj.get('/api/session')).json());
    expect(s.user).toMatchObject({ username: 'rsj', role: 'reporter', department: 'RSJ', county: null });
    expect((await rsj.delete('/api/session')).status).toBe(200);
    expect((await rsj.get('/api/session')).status).toBe(401);
  });

  it('GET /api/session/current: the session when signed in, 204 (not an error) when not', async () => {
    const t = await makeTestApp();
    const anonymous = await t.anonymous.get('/api/session/current');
    expect(anonymous.status).toBe(204);
    expect(await anonymous.text()).toBe('');
    const rsj = await t.login('rsj');
    const s = sessionSchema.parse(await (await rsj.get('/api/session/current')).json());
    expect(s.user.username).toBe('rsj');
    await rsj.delete('/api/session');
    expect((await rsj.get('/api/session/current')).status).toBe(204);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const t = await makeTestApp();
    const res = await t.anonymous.post(
      '/api/session',
      { username: 'rsj', password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('sessions expire after 8 hours', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    // In use all along (an idle session ends after 30 minutes: sessions-idle.test.ts).
    for (let h = 10; h < 18; h++)
      for (const m of ['00', '20', '40']) {
        t.clock.set(`2020-09-05T${h}:${m}:00+08:00`);
        expect((await rsj.get('/api/session')).status).toBe(200);
      }
    t.clock.set('2020-09-05T17:59:00+08:00');
    expect((await rsj.get('/api/session')).status).toBe(200);
    t.clock.set('2020-09-05T18:00:01+08:00');
    expect((await rsj.get('/api/session')).status).toBe(401);
  });

  it('stores only a hash of the token and argon2id password hashes', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const token = (rsj.cookie ?? '').split('=')[1];
    const stored = (await column(t.deps.db, 'SELECT token_hash FROM sessions')) as string[];
    expect(stored).not.toContain(token);
    const hash = (await value(t.deps.db, "SELECT password_hash FROM users WHERE username = 'rsj'")) as string;
    expect(hash.startsWith('$argon2id$')).toBe(true);
  });

  it('five wrong passwords lock the account (from that address) for 15 minutes; no slow-down before', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const attempt = (password: string) => t.anonymous.post('/api/session', { username: 'rsj', password });
    // No slow_down any more: an unknown name never got one, so it told which names exist.
    for (let i = 0; i < PAIR_LIMIT; i++) {
      expect((await attempt('wrong')).status).toBe(401);
      t.clock.advance(100);
    }
    t.clock.advance(60_000);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('account_locked');
    t.clock.advance(THROTTLE_MS);
    expect((await attempt(PASSWORD)).status).toBe(200);
    const actions = await column(t.deps.db, "SELECT action FROM audit_log WHERE target = 'user/rsj' ORDER BY id");
    expect(actions.filter((a) => a === 'session.login_failed')).toHaveLength(PAIR_LIMIT + 1);
    expect(actions.at(-1)).toBe('session.login');
  });

  it('unknown users and disabled users get the same 401', async () => {
    const t = await makeTestApp();
    const nobody = await t.anonymous.post('/api/session', { username: 'nobody', password: PASSWORD });
    expect(nobody.status).toBe(401);
    const admin = await t.login('admin');
    const rsj = await t.login('rsj');
    const id = (await value(t.deps.db, "SELECT id FROM users WHERE username = 'rsj'")) as number;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    // Disabling ends open sessions at once.
    expect((await rsj.get('/api/session')).status).toBe(401);
    const again = await t.anonymous.post('/api/session', { username: 'rsj', password: PASSWORD });
    expect(again.status).toBe(401);
  });
});

describe('cross-site request protection', () => {
  it('rejects a write whose Origin is another site, or marked cross-site', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const evil = await rsj.post(
      '/api/reports/RSJ/2020-08',
      { rows: [] },
      { origin: 'https://evil.example', host: 'localhost' },
    );
    expect(evil.status).toBe(403);
    const crossSite = await rsj.post('/api/reports/RSJ/2020-08', { rows: [] }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await rsj.post(
      '/api/reports/RSJ/2020-08',
      { rows: [] },
      { origin: 'http://localhost', host: 'localhost' },
    );
    expect(same.status).toBe(201);
    expect(await value(t.deps.db, 'SELECT COUNT(*) FROM report_versions')).toBe(1);
  });

  it('JSON routes accept only application/json (a form post cannot reach them)', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const res = await rsj.request('POST', '/api/reports/RSJ/2020-08', undefined, { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });
});

describe('user administration', () => {
  it('lists each user with the last successful login, null for one who never logged in', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    await t.login('rsj');
    t.clock.advance(60_000);
    const admin = await t.login('admin');
    const users = userSchema.array().parse(await (await admin.get('/api/users')).json());
    const at = (name: string) => users.find((u) => u.username === name)?.lastLoginAt;
    expect(at('rsj')).toBe('2020-09-05T02:00:00.000Z');
    expect(at('admin')).toBe('2020-09-05T02:01:00.000Z');
    expect(users.filter((u) => u.lastLoginAt === null).length).toBeGreaterThan(0);
  });
  it('the admin creates, re-binds, resets and disables users; bindings are checked', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin');
    const created = await admin.post('/api/users', {
      username: 'swj',
      password: 'Another-pass-1',
      role: 'reporter',
      department: 'SWJ',
    });
    expect(created.status).toBe(201);
    const u = userSchema.parse(await created.json());
    expect(u).toMatchObject({ username: 'swj', role: 'reporter', department: 'SWJ', disabled: false });
    expect(
      (await admin.post('/api/users', { username: 'swj', password: 'Another-pass-1', role: 'leader' })).status,
    ).toBe(409);
    expect(
      (await admin.post('/api/users', { username: 'bad1', password: 'Another-pass-1', role: 'reporter' })).status,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/users', {
          username: 'bad2',
          password: 'Another-pass-1',
          role: 'leader',
          county: '450226',
        })
      ).status,
    ).toBe(400);
    expect((await admin.post('/api/users', { username: 'bad3', password: 'short', role: 'leader' })).status).toBe(400);
    const moved = userSchema.parse(
      await (await admin.patch(`/api/users/${u.id}`, { role: 'county', county: '450225' })).json(),
    );
    expect(moved).toMatchObject({ role: 'county', county: '450225', department: null });
    await admin.patch(`/api/users/${u.id}`, { password: 'Brand-new-pass-2' });
    expect((await t.anonymous.post('/api/session', { username: 'swj', password: 'Another-pass-1' })).status).toBe(401);
    expect((await t.anonymous.post('/api/session', { username: 'swj', password: 'Brand-new-pass-2' })).status).toBe(
      200,
    );
    const list = (await (await admin.get('/api/users')).json()) as { username: string; password_hash?: string }[];
    expect(list.map((x) => x.username)).toContain('swj');
    expect(JSON.stringify(list)).not.toContain('argon2');
  });
});
