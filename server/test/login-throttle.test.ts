/**
 * Finding 10: unknown names answer like known ones; a guesser locks out only itself; per-address and per-account
 * limits.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, PAIR_LIMIT, THROTTLE_MS } from '../src/services/auth/login-throttle';
import { makeTestApp, PASSWORD, type Client } from './test-app';
import { column, value } from './sql';

type Answer = { status: number; code?: string; message?: string };
async function answer(res: Response): Promise<Answer> {
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code, message: body.error?.message };
}
const attempt = (c: Client, username: string, password: string) => c.post('/api/session', { username, password });

describe('unknown and known names are indistinguishable', () => {
  it(
    'the same answers, failure after failure, for a known name and an unknown one (no slow_down for known ' +
      'names only)',
    async () => {
      const t = await makeTestApp();
      const known: Answer[] = [];
      const unknown: Answer[] = [];
      for (let i = 0; i < PAIR_LIMIT + 3; i++) {
        known.push(await answer(await attempt(t.from('10.0.0.1'), 'rsj', 'Wrong-guess-1')));
        unknown.push(await answer(await attempt(t.from('10.0.0.2'), 'no-such-user', 'Wrong-guess-1')));
        t.clock.advance(10);
      }
      expect(unknown).toEqual(known);
      expect(known.slice(0, PAIR_LIMIT).every((a) => a.status === 401)).toBe(true);
      expect(known.slice(PAIR_LIMIT).every((a) => a.status === 429 && a.code === 'account_locked')).toBe(true);
      expect(known.some((a) => a.code === 'slow_down')).toBe(false);
    },
  );
});

describe('a guesser locks out only itself', () => {
  it('admin locked from address A still signs in from address B', async () => {
    const t = await makeTestApp();
    const a = t.from('203.0.113.7');
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await attempt(a, 'admin', `Guess-${i}-xxxx`)).status).toBe(401);
    expect((await answer(await attempt(a, 'admin', PASSWORD))).code).toBe('account_locked');
    expect((await attempt(t.from('198.51.100.20'), 'admin', PASSWORD)).status).toBe(200);
    // A success from B does not lift A's lock.
    expect((await attempt(a, 'admin', PASSWORD)).status).toBe(429);
    t.clock.advance(THROTTLE_MS);
    expect((await attempt(a, 'admin', PASSWORD)).status).toBe(200);
  });

  it(`address A is blocked after ${ADDRESS_LIMIT} failures across many names; address B is not`, async () => {
    const t = await makeTestApp();
    const a = t.from('203.0.113.9');
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      const name =
        i % 2 ? `guess-${i}` : (['admin', 'leader', 'rsj', 'gxj', 'inspector', 'sanjiang'][i % 6] ?? 'admin');
      expect((await attempt(a, name, 'Wrong-guess-1')).status).toBe(401);
      t.clock.advance(1000);
    }
    const blocked = await answer(await attempt(a, 'rsj', PASSWORD));
    expect(blocked).toMatchObject({ status: 429, code: 'address_blocked' });
    expect((await answer(await attempt(a, 'fresh-name', 'Wrong-guess-1'))).code).toBe('address_blocked');
    expect((await attempt(t.from('198.51.100.20'), 'rsj', PASSWORD)).status).toBe(200);
    t.clock.advance(THROTTLE_MS);
    expect((await attempt(a, 'rsj', PASSWORD)).status).toBe(200);
  });

  it(`successes from a shared address (an office behind one NAT) do not count towards its limit`, async () => {
    const t = await makeTestApp();
    const office = t.from('192.0.2.1');
    for (let i = 0; i < ADDRESS_LIMIT + 5; i++)
      expect((await attempt(office, i % 2 ? 'rsj' : 'gxj', PASSWORD)).status).toBe(200);
  });

  it(`${ACCOUNT_LIMIT} failures on one account from many addresses lock it everywhere (the last resort)`, async () => {
    const t = await makeTestApp();
    const guesses = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT }, (_, i) =>
        attempt(t.from(`10.1.${i >> 8}.${i & 255}`), 'leader', 'Wrong-guess-1'),
      ),
    );
    expect(guesses.every((r) => r.status === 401)).toBe(true);
    expect((await answer(await attempt(t.from('10.9.9.9'), 'leader', PASSWORD))).code).toBe('account_locked');
    expect((await attempt(t.from('10.9.9.9'), 'rsj', PASSWORD)).status).toBe(200);
  }, 60_000);

  it('an admin password reset lifts the account’s locks', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin', PASSWORD, '192.0.2.50');
    const a = t.from('203.0.113.7');
    for (let i = 0; i < PAIR_LIMIT; i++) await attempt(a, 'gxj', 'Wrong-guess-1');
    const id = (await value(t.deps.db, "SELECT id FROM users WHERE username = 'gxj'")) as number;
    const listed = (await (await admin.get('/api/users')).json()) as { username: string; lockedUntil: string | null }[];
    expect(listed.find((u) => u.username === 'gxj')?.lockedUntil).toBeTruthy();
    expect((await admin.patch(`/api/users/${id}`, { password: 'Reset-pass-2020' })).status).toBe(200);
    expect((await attempt(a, 'gxj', 'Reset-pass-2020')).status).toBe(200);
  });
});

describe('the client address', () => {
  it('is the socket address; X-Forwarded-For is ignored unless TRUST_PROXY', async () => {
    const t = await makeTestApp();
    const proxy = t.from('127.0.0.1');
    for (let i = 0; i < PAIR_LIMIT; i++)
      await proxy.post(
        '/api/session',
        { username: 'rsj', password: 'Wrong-guess-1' },
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
    expect(
      (
        await proxy.post(
          '/api/session',
          { username: 'rsj', password: PASSWORD },
          { 'x-forwarded-for': '198.51.100.99' },
        )
      ).status,
    ).toBe(429);
  });

  it('with TRUST_PROXY the right-most X-Forwarded-For entry (the one the proxy added) is the address', async () => {
    const t = await makeTestApp(undefined, { trustProxy: true });
    const proxy = t.from('127.0.0.1');
    const post = (password: string, xff: string) =>
      proxy.post('/api/session', { username: 'rsj', password }, { 'x-forwarded-for': xff });
    // The left part is whatever the client sent: a guesser cannot pick its address by forging it.
    for (let i = 0; i < PAIR_LIMIT; i++)
      expect((await post('Wrong-guess-1', `10.0.0.${i}, 203.0.113.7`)).status).toBe(401);
    expect((await post(PASSWORD, '203.0.113.7')).status).toBe(429);
    expect((await post(PASSWORD, '203.0.113.7, 198.51.100.20')).status).toBe(200);
    const ips = await column(t.deps.db, "SELECT DISTINCT ip FROM audit_log WHERE action LIKE 'session.%'");
    expect(ips.sort()).toEqual(['198.51.100.20', '203.0.113.7']);
  });

  it('IPv6 addresses of one /64 count as one address', async () => {
    const t = await makeTestApp();
    for (let i = 1; i <= PAIR_LIMIT; i++)
      await attempt(t.from(`2001:db8:1:2::${i.toString(16)}`), 'rsj', 'Wrong-guess-1');
    expect((await attempt(t.from('2001:db8:1:2:ffff:1:2:3'), 'rsj', PASSWORD)).status).toBe(429);
    expect((await attempt(t.from('2001:db8:1:3::1'), 'rsj', PASSWORD)).status).toBe(200);
  });
});
