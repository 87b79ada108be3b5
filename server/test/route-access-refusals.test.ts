/**
 * Issue 6 points the other suites leave open: no route the app serves lacks its access rule; a forbidden,
 * cross-site or non-JSON write changes no row of any table (contents, not just counts); login failures are
 * audited once each without the password; the audit log has no write route; an expired session cannot write;
 * an admin password reset lifts a lockout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@lz/shared/api/session';
import type { Deps } from '../src/deps';
import { PAIR_LIMIT } from '../src/services/auth/login-throttle';
import { body, makeTestApp, PASSWORD, sampleFinding } from './test-app';
import { rows, tableNames, value } from './sql';

/** Every row of every table: a refused write must leave this unchanged. */
async function snapshot(deps: Deps): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await tableNames(deps.db))
    out[t] = ((await rows(deps.db, `SELECT * FROM "${t}"`)) as unknown[])
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer).toString('hex') : v)),
      )
      .sort();
  return out;
}

const users: Record<Role, string> = {
  admin: 'admin',
  leader: 'leader',
  inspector: 'inspector',
  reporter: 'rsj',
  county: 'sanjiang',
};

function concrete(path: string): string {
  return path
    .replace(':department', 'RSJ')
    .replace(':month', '2020-08')
    .replace(':code', 'T')
    .replace(':id', path.startsWith('/api/users') ? '5' : '1');
}

const writes = () => declaredRoutes().filter((r) => r.method !== 'GET');

let t: Awaited<ReturnType<typeof makeTestApp>>;
/** The routes of the app under test, as it declared them. */
const declaredRoutes = () => t.app.declaredRoutes;

beforeAll(async () => {
  t = await makeTestApp('2020-09-05T10:00:00+08:00');
  const admin = await t.login('admin');
  expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(201);
  expect((await admin.put('/api/allocations', { target: 'T', items: [{ code: 'RSJ', value: 1000 }] })).status).toBe(
    200,
  );
  expect((await (await t.login('inspector')).post('/api/findings', sampleFinding)).status).toBe(201);
});

describe('a route without a rule cannot exist', () => {
  it('every route the app serves under /api is declared and runs its access check first', () => {
    const declared = new Set(declaredRoutes().map((r) => `${r.method} ${r.path}`));
    const served = new Map<string, string[]>();
    for (const r of t.app.routes) {
      if (r.method === 'ALL' || !r.path.startsWith('/api')) continue;
      // The public site (信息公开, disclosure/public-site.tsx) answers anonymously before the session middleware
      // and has its own contract and tests (test/disclosure/): it has no access rule to run.
      if (r.path.startsWith('/api/public/')) continue;
      const key = `${r.method} ${r.path}`;
      served.set(key, [...(served.get(key) ?? []), r.handler.name]);
    }
    expect(served.size).toBeGreaterThan(30);
    for (const [key, handlers] of served) {
      expect(declared.has(key), `${key} is served but not declared`).toBe(true);
      expect(handlers[0], key).toBe('requireAccessHandler');
    }
    expect([...declared].filter((k) => !served.has(k))).toEqual([]);
    expect(served.has('GET /api/session/current')).toBe(true);
  });
});

describe('refused writes change nothing', () => {
  it('every write route × every role it does not name: 403 and every table unchanged', async () => {
    for (const role of Object.keys(users) as Role[]) {
      const client = await t.login(users[role]);
      for (const r of writes()) {
        if (r.access.kind === 'public' || r.access.roles.includes(role)) continue;
        const before = await snapshot(t.deps);
        const res = await client.request(
          r.method,
          concrete(r.path),
          r.method === 'DELETE'
            ? undefined
            : { target: 'T', items: [], username: 'x', password: 'Xx-123456789', role: 'admin' },
        );
        expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
        expect(await snapshot(t.deps), `${role} ${r.method} ${r.path}`).toEqual(before);
      }
    }
  });

  it(
    'a reporter writing another department’s report or ' + 'allocations, or the city level: 403, nothing changed',
    async () => {
      const gxj = await t.login('gxj');
      const before = await snapshot(t.deps);
      expect((await gxj.post('/api/reports/RSJ/2020-07', body(t.deps))).status).toBe(403);
      expect(
        (await gxj.put('/api/allocations', { target: 'T', department: 'RSJ', items: [{ code: '450202', value: 1 }] }))
          .status,
      ).toBe(403);
      expect((await gxj.put('/api/allocations', { target: 'T', items: [{ code: 'GXJ', value: 999999 }] })).status).toBe(
        403,
      );
      expect(await snapshot(t.deps)).toEqual(before);
    },
  );

  it(
    'a cross-site write (foreign Origin, Origin null or Sec-Fetch-Site cross/same-site) is refused on every ' +
      'write route',
    async () => {
      const admin = await t.login('admin');
      const variants: Record<string, string>[] = [
        { origin: 'https://evil.example', host: 'localhost' },
        { origin: 'null', host: 'localhost' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of variants) {
        for (const r of writes()) {
          const before = await snapshot(t.deps);
          const payload =
            r.path === '/api/session' && r.method === 'POST'
              ? { username: 'rsj', password: PASSWORD }
              : r.method === 'DELETE'
                ? undefined
                : body(t.deps);
          const res = await admin.request(r.method, concrete(r.path), payload, headers);
          expect(res.status, `${JSON.stringify(headers)} ${r.method} ${r.path}`).toBe(403);
          expect(await snapshot(t.deps), `${r.method} ${r.path}`).toEqual(before);
        }
      }
    },
  );

  it('every JSON route refuses a form-encodable content type with 415 and writes nothing', async () => {
    const admin = await t.login('admin');
    const county = await t.login('sanjiang');
    const jsonRoutes = writes().filter((r) => r.body && !r.file);
    expect(jsonRoutes.length).toBeGreaterThanOrEqual(8);
    for (const r of jsonRoutes) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const before = await snapshot(t.deps);
        // Only a county user may answer a finding: anyone else is refused (403) before the body is read.
        const client =
          r.path === '/api/session' ? t.anonymous : r.path === '/api/findings/:id/response' ? county : admin;
        const res = await client.request(r.method, concrete(r.path), undefined, { 'content-type': type });
        expect(res.status, `${type} ${r.method} ${r.path}`).toBe(415);
        expect(await snapshot(t.deps), `${r.method} ${r.path}`).toEqual(before);
      }
    }
  });
});

describe('login audit and logs', () => {
  it('each failed login leaves exactly one audit entry, a success one, and neither holds the password', async () => {
    const count = async () => (await value(t.deps.db, 'SELECT COUNT(*) FROM audit_log')) as number;
    const logged: string[] = [];
    const originals = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const k of Object.keys(originals) as (keyof typeof originals)[])
      console[k] = (...a: unknown[]) => void logged.push(a.map(String).join(' '));
    try {
      let n = await count();
      const wrong = await t.anonymous.post('/api/session', { username: 'leader', password: 'Secret-wrong-77' });
      expect(wrong.status).toBe(401);
      expect(await count()).toBe(++n);
      expect(
        (await t.anonymous.post('/api/session', { username: 'nobody-here', password: 'Secret-wrong-77' })).status,
      ).toBe(401);
      expect(await count()).toBe(++n);
      expect((await t.anonymous.post('/api/session', { username: 'leader', password: PASSWORD })).status).toBe(200);
      expect(await count()).toBe(++n);
      const last3 = (await rows(
        t.deps.db,
        'SELECT action, actor, target, before, after FROM audit_log ORDER BY id DESC LIMIT 3',
      )) as { action: string; target: string }[];
      expect(last3.map((r) => [r.action, r.target])).toEqual([
        ['session.login', 'user/leader'],
        ['session.login_failed', 'user/nobody-here'],
        ['session.login_failed', 'user/leader'],
      ]);
      expect(JSON.stringify(last3)).not.toContain('Secret-wrong-77');
      expect(JSON.stringify(last3)).not.toContain(PASSWORD);
      expect(logged.join('\n')).not.toContain('Secret-wrong-77');
    } finally {
      Object.assign(console, originals);
    }
  });

  it('no route writes to the audit log; a write verb there is a 404 and changes nothing', async () => {
    expect(
      declaredRoutes()
        .filter((r) => r.path.startsWith('/api/audit'))
        .map((r) => r.method),
    ).toEqual(['GET']);
    const admin = await t.login('admin');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', '/api/audit/1']) {
        const before = await snapshot(t.deps);
        const res = await admin.request(method, path, method === 'DELETE' ? undefined : { actor: 'x' });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await snapshot(t.deps)).toEqual(before);
      }
    }
  });
});

describe('sessions and lockout', () => {
  it('an expired session cannot write', async () => {
    const app = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await app.login('rsj');
    app.clock.set('2020-09-05T18:00:00+08:00'); // 8 hours later
    const before = await snapshot(app.deps);
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(app.deps))).status).toBe(401);
    expect(await snapshot(app.deps)).toEqual(before);
  });

  it('an admin password reset lifts a lockout at once', async () => {
    const app = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await app.login('admin');
    for (let i = 0; i < PAIR_LIMIT; i++) {
      expect((await app.anonymous.post('/api/session', { username: 'gxj', password: 'wrong' })).status).toBe(401);
      app.clock.advance(20_000);
    }
    expect((await app.anonymous.post('/api/session', { username: 'gxj', password: PASSWORD })).status).toBe(429);
    const id = (await value(app.deps.db, "SELECT id FROM users WHERE username = 'gxj'")) as number;
    expect((await admin.patch(`/api/users/${id}`, { password: 'Reset-pass-2020' })).status).toBe(200);
    expect((await app.anonymous.post('/api/session', { username: 'gxj', password: 'Reset-pass-2020' })).status).toBe(
      200,
    );
    expect(await value(app.deps.db, 'SELECT password_hash FROM users WHERE id = ?', id)).toMatch(
      /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/,
    );
  });
});
