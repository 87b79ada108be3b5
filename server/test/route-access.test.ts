/**
 * Walks every declared route × every role: a role the route does not name gets 403 (401 when signed
 * out), and a forbidden write changes nothing. Declared roles get through the access check; the few
 * finer rules (a county user sees its own county only …) are listed below with their reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@lz/shared/api/session';
import type { DeclaredRoute } from '../src/http/define-routes';
import { body, makeTestApp, tableCounts, sampleFinding } from './test-app';

const users: Record<Role, string> = {
  admin: 'admin',
  leader: 'leader',
  inspector: 'inspector',
  reporter: 'rsj',
  county: 'sanjiang',
};
const roles = Object.keys(users) as Role[];

/** Allowed by the route's role list, refused by a finer rule on purpose. */
const finerRules: Record<string, { roles: Role[]; why: string }> = {
  'GET /api/progress/breakdown': {
    roles: ['county'],
    why: 'a county user sees its own county by department only (query asks by=county)',
  },
  'GET /api/reports/:department/:month/versions': { roles: ['county'], why: 'version history shows every county' },
  'GET /api/reports/:department/:month/versions/:n': {
    roles: ['county'],
    why: 'one version of that history is refused like the history (docs/decisions.md)',
  },
};

function concrete(r: DeclaredRoute, ids: { user: number; finding: number }): string {
  const path = r.path
    .replace(':department', 'RSJ')
    .replace(':month', '2020-08')
    .replace(':n', '1')
    .replace(':code', 'T')
    .replace(':id', String(r.path.startsWith('/api/users') ? ids.user : ids.finding));
  const query: Record<string, string> = {
    '/api/progress/breakdown': '?by=county&indicator=T',
    '/api/series': '?indicator=T',
  };
  return path + (query[r.path] ?? '');
}

let t: Awaited<ReturnType<typeof makeTestApp>>;
/** The routes of the app under test, as it declared them. */
const declaredRoutes = () => t.app.declaredRoutes;
let ids: { user: number; finding: number };

beforeAll(async () => {
  t = await makeTestApp('2020-09-05T10:00:00+08:00');
  const admin = await t.login('admin');
  await (await t.login('rsj')).post('/api/reports/RSJ/2020-08', body(t.deps));
  const finding = (await (await admin.post('/api/findings', sampleFinding)).json()) as { id: number };
  ids = { user: 4, finding: finding.id };
});

describe('route × role access matrix', () => {
  it('every route declares an access rule and is documented', () => {
    expect(declaredRoutes().length).toBeGreaterThan(30);
    for (const r of declaredRoutes()) {
      expect(r.summary, `${r.method} ${r.path}`).not.toBe('');
      expect(['public', 'roles']).toContain(r.access.kind);
    }
  });

  it('signed-out requests to non-public routes get 401', async () => {
    for (const r of declaredRoutes().filter((x) => x.access.kind === 'roles')) {
      const res = await t.anonymous.request(r.method, concrete(r, ids), r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  for (const role of roles) {
    it(`${role}: allowed routes pass the access check, others get 403 and write nothing`, async () => {
      for (const r of declaredRoutes()) {
        if (r.method === 'POST' && r.path === '/api/session') continue; // logging in is covered in auth tests
        const client = await t.login(users[role]);
        const before = await tableCounts(t.deps);
        const res = await client.request(
          r.method,
          concrete(r, ids),
          r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        );
        const declared = r.access.kind === 'public' || r.access.roles.includes(role);
        const finer = finerRules[`${r.method} ${r.path}`]?.roles.includes(role) ?? false;
        const label = `${role} ${r.method} ${r.path} → ${res.status}`;
        if (declared && !finer) {
          expect([401, 403], label).not.toContain(res.status);
        } else {
          expect(res.status, label).toBe(403);
          expect(await tableCounts(t.deps), label).toEqual(before);
        }
        expect(res.status, label).not.toBe(500);
      }
    });
  }

  it('a reporter reads and writes only its own department', async () => {
    const gxj = await t.login('gxj');
    expect((await gxj.get('/api/reports/RSJ/2020-08')).status).toBe(403);
    expect((await gxj.get('/api/reports/RSJ/2020-08/versions')).status).toBe(403);
    expect((await gxj.get('/api/reports?department=RSJ')).status).toBe(403);
    expect((await gxj.get('/api/progress/breakdown?by=department&indicator=T')).status).toBe(403);
    expect((await gxj.get('/api/series?indicator=T&department=RSJ')).status).toBe(403);
    expect((await gxj.get('/api/series?indicator=T')).status).toBe(200);
    expect((await gxj.get('/api/progress')).status).toBe(200);
    const own = (await (await gxj.get('/api/progress/breakdown?by=county&indicator=T')).json()) as {
      rows: { actual: number }[];
    };
    expect(own.rows.reduce((s, r) => s + r.actual, 0)).toBe(0); // GXJ has not reported; RSJ's figures are not shown
    const compliance = (await (await gxj.get('/api/compliance')).json()) as { cells: { department: string }[] };
    expect(new Set(compliance.cells.map((c) => c.department))).toEqual(new Set(['GXJ']));
  });

  it('a county user reads its own county only', async () => {
    const county = await t.login('sanjiang');
    expect((await county.get('/api/progress/breakdown?by=department&indicator=T&county=450202')).status).toBe(403);
    const own = (await (await county.get('/api/progress/breakdown?by=department&indicator=T')).json()) as {
      rows: { code: string; actual: number }[];
    };
    expect(own.rows.find((r) => r.code === 'RSJ')?.actual).toBe(30);
    expect((await county.get('/api/series?indicator=T&county=450202')).status).toBe(403);
    const ratios = (await (await county.get('/api/ratios')).json()) as { counties: { code: string }[] };
    expect(ratios.counties.map((c) => c.code)).toEqual(['450226']);
  });

  it('a county user reads and answers the findings about its own county, and no others', async () => {
    const admin = await t.login('admin');
    const other = (await (
      await admin.post('/api/findings', {
        subjectKind: 'county',
        subject: '450202',
        inspection: 'annual',
        period: '2020',
        finding: '台账不全',
        rectification: '补齐台账',
        dueDate: '2020-12-31',
      })
    ).json()) as { id: number };
    const county = await t.login('sanjiang');
    const seen = (await (await county.get('/api/findings')).json()) as { id: number; subject: string }[];
    expect(seen.map((f) => f.subject)).toEqual(['450226']);
    expect((await county.post(`/api/findings/${other.id}/response`, { response: '已整改' })).status).toBe(403);
    const answered = await county.post(`/api/findings/${ids.finding}/response`, { response: '已组织补训 200 人次' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ response: '已组织补训 200 人次', respondedBy: 'sanjiang' });
    const audit = (await (await admin.get('/api/audit?action=finding.respond')).json()) as unknown;
    expect(JSON.stringify(audit)).toContain('finding.respond');
    const closed = await (await t.login('inspector')).post(`/api/findings/${ids.finding}/close`, {
      closingNote: '已核实',
    });
    expect(await closed.json()).toMatchObject({ status: 'closed', closedBy: 'inspector' });
    expect((await county.post(`/api/findings/${ids.finding}/response`, { response: '再补充' })).status).toBe(409);
  });
});
