/** A fresh app over a fresh database (test-db.ts) with a movable clock, and signed-in clients for each role. */
import type { Role } from '@lz/shared/api/session';
import { createApp } from '../src/app';
import { fixedClock, type Config, type Deps } from '../src/deps';
import { createUser } from '../src/services/auth/users';
import { one, tableNames } from './sql';
import { depsOn, freshDeps } from './test-db';

export const PASSWORD = 'Test-password-1';

export type Client = ReturnType<typeof clientFor>;

/** `ip` plays the socket's remote address, as @hono/node-server passes it in the env. */
function clientFor(app: ReturnType<typeof createApp>, cookie: string | null, ip?: string) {
  const env = ip ? { incoming: { socket: { remoteAddress: ip } } } : undefined;
  const req = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(cookie ? { cookie } : {}), ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    return app.request(path, init, env);
  };
  return {
    cookie,
    get: (path: string) => req('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => req('POST', path, body, headers),
    put: (path: string, body?: unknown) => req('PUT', path, body),
    patch: (path: string, body?: unknown) => req('PATCH', path, body),
    delete: (path: string) => req('DELETE', path),
    request: req,
  };
}

/** `db` (from test-db.ts's `sharedDatabase`, or a SQLite path) instead of a fresh database of the engine under test. */
export async function makeTestApp(
  now = '2020-09-05T10:00:00+08:00',
  config: Partial<Config> = {},
  db?: { dbPath: string; schema?: string },
) {
  const clock = fixedClock(now);
  const built = db ? await depsOn(db, { clock }) : await freshDeps({ clock });
  const deps: Deps = {
    ...built,
    config: { ...built.config, allowedOrigins: [...built.config.allowedOrigins], ...config },
  };
  const app = createApp(deps);
  const accounts: Record<string, { role: Role; department?: string; county?: string }> = {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    inspector: { role: 'inspector' },
    rsj: { role: 'reporter', department: 'RSJ' },
    gxj: { role: 'reporter', department: 'GXJ' },
    sanjiang: { role: 'county', county: '450226' },
  };
  for (const [username, a] of Object.entries(accounts)) {
    await createUser(
      deps,
      { username, password: PASSWORD, role: a.role, department: a.department, county: a.county },
      'test',
    );
  }
  const anonymous = clientFor(app, null);
  /** An anonymous client connecting from `ip`. */
  const from = (ip: string) => clientFor(app, null, ip);
  async function login(username: string, password = PASSWORD, ip?: string) {
    const res = await clientFor(app, null, ip).post('/api/session', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return clientFor(app, cookie, ip);
  }
  return { app, deps, clock, anonymous, from, login };
}

/** Row counts of every table: a rejected or forbidden write must leave them all unchanged. */
export async function tableCounts(deps: Deps): Promise<Record<string, number>> {
  // One statement for every table: a round trip per table is what a PostgreSQL run of these tests waits on.
  const tables = await tableNames(deps.db);
  const counts = await one(
    deps.db,
    `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((t) => [t, Number(counts?.[t])]));
}

/** A consistent report body: every county the same simple row scaled by `k`. */
export function body(deps: Deps, k = 1, extra: Record<string, number> = {}) {
  return {
    rows: deps.catalogue.units.map((u) => ({
      county: u.code,
      values: {
        T: 30 * k,
        E: 20 * k,
        E1: 4 * k,
        E2: 8 * k,
        E3: 2 * k,
        E4: 4 * k,
        E5: 2 * k,
        K: 10 * k,
        K1: 4 * k,
        K2: 2 * k,
        K3: 1 * k,
        K4: 1 * k,
        K5: 1 * k,
        K6: 1 * k,
        K7: 0,
        X1: 3 * k,
        X2: 1 * k,
        X3: 20 * k,
        X4: 2 * k,
        F1: 27000 * k,
        F2: 750 * k,
        F3: 3000 * k,
        F4: 0,
        C1: 0,
        C2: 0,
        C3: 0,
        C4: 0,
        C5: 0,
        C6: 0,
        ...extra,
      },
    })),
  };
}

/** A finding about 三江 as an inspector records it; tests that need one to exist post this. */
export const sampleFinding = {
  subjectKind: 'county',
  subject: '450226',
  inspection: 'quarterly',
  period: '2020-Q3',
  finding: '培训进度滞后',
  rectification: '加快进度',
  dueDate: '2020-10-31',
} as const;
