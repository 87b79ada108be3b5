/**
 * Every declared route, called with a valid request by a role it allows, answers what it declares: its real
 * response parses with its declared response schema made strict (objects at every depth refuse unknown
 * keys), so a field added to an answer but not to its shared schema fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { challengeSchema } from '@lz/shared/api/disclosure';
import { indicatorSchema } from '@lz/shared/catalogue';
import { workBits } from '../src/disclosure/objections/challenge';
import type { DeclaredRoute } from '../src/http/define-routes';
import { buildTemplate } from '../src/import/template';
import { historyForm, historyXlsx } from './history-workbook';
import { roster, trainee } from './realname/roster-fixtures';
import { creditCode, person, uploadRoster } from './realname/route-samples';
import { body, type Client, makeTestApp, PASSWORD, sampleFinding } from './test-app';

/** The schema with every object in it strict: extra fields in an answer are drift. */
function strict(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodObject)
    return z.strictObject(Object.fromEntries(Object.entries(s.shape).map(([k, v]) => [k, strict(v as z.ZodType)])));
  if (s instanceof z.ZodArray) return z.array(strict(s.element as z.ZodType));
  if (s instanceof z.ZodNullable) return strict(s.unwrap() as z.ZodType).nullable();
  if (s instanceof z.ZodOptional) return strict(s.unwrap() as z.ZodType).optional();
  if (s instanceof z.ZodRecord) return z.record(s.keyType as z.ZodString, strict(s.valueType as z.ZodType));
  if (s instanceof z.ZodUnion) return z.union((s.options as z.ZodType[]).map(strict));
  return s;
}

let t: Awaited<ReturnType<typeof makeTestApp>>;
let findingId: number;

beforeAll(async () => {
  t = await makeTestApp('2020-09-05T10:00:00+08:00');
  expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(201);
  const created = await (await t.login('inspector')).post('/api/findings', finding);
  findingId = ((await created.json()) as { id: number }).id;
});

const finding = sampleFinding;

async function upload(c: Client): Promise<Response> {
  const rows = body(t.deps).rows;
  const bytes = await buildTemplate({ catalogue: t.deps.catalogue, department: 'GXJ', month: '2020-08', rows });
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], 'gxj-2020-08.xlsx'));
  return c.post('/api/reports/GXJ/2020-08/file', form);
}

async function importHistory(c: Client): Promise<Response> {
  const bytes = await historyXlsx(t.deps.catalogue, [
    { department: 'JYJ', month: '2020-06', submittedAt: '2020-07-08', rows: body(t.deps).rows },
  ]);
  return c.post('/api/reports/import', historyForm(bytes, 'history.xlsx'));
}

/** An objection filed on the public site against a published batch, as a visitor's browser would; its id. */
async function fileObjection(batchId: string): Promise<number> {
  const ch = challengeSchema.parse(
    await (await t.anonymous.get(`/api/public/objections/challenge?batchId=${batchId}`)).json(),
  );
  let pow = 0;
  while (workBits(ch.nonce, String(pow)) < ch.bits) pow++;
  const objection = { batchId, name: '王晓明', contact: '13907720000', text: '开班人数与公示不符' };
  const res = await t.anonymous.post('/api/public/objections', { ...objection, token: ch.token, pow: String(pow) });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  return Number(reference.slice(2));
}

type Call = [route: string, user: string | null, run: (c: Client) => Response | Promise<Response>];

/** A valid request for every declared route, run in this order (review verbs need the states before them). */
const calls: Call[] = [
  ['GET /api/health', null, (c) => c.get('/api/health')],
  ['GET /api/openapi.json', null, (c) => c.get('/api/openapi.json')],
  ['GET /api/docs', null, (c) => c.get('/api/docs')],
  ['GET /api/catalogue', null, (c) => c.get('/api/catalogue')],
  ['GET /api/clock', null, (c) => c.get('/api/clock')],
  ['GET /api/campaign', null, (c) => c.get('/api/campaign')],
  ['GET /api/units', null, (c) => c.get('/api/units')],
  ['GET /api/departments', null, (c) => c.get('/api/departments')],
  ['GET /api/indicators', null, (c) => c.get('/api/indicators')],
  ['GET /api/targets', null, (c) => c.get('/api/targets')],
  ['POST /api/session', null, (c) => c.post('/api/session', { username: 'leader', password: PASSWORD })],
  ['GET /api/session', 'leader', (c) => c.get('/api/session')],
  ['GET /api/session/current', 'leader', (c) => c.get('/api/session/current')],
  ['GET /api/users', 'admin', (c) => c.get('/api/users')],
  [
    'POST /api/users',
    'admin',
    (c) => c.post('/api/users', { username: 'newbie', password: 'Fresh-start-pass-1', role: 'leader' }),
  ],
  ['PATCH /api/users/:id', 'admin', (c) => c.patch('/api/users/2', { displayName: '领导' })],
  ['GET /api/audit', 'admin', (c) => c.get('/api/audit?limit=5')],
  ['GET /api/reports', 'leader', (c) => c.get('/api/reports')],
  ['GET /api/reports/:department/:month', 'leader', (c) => c.get('/api/reports/RSJ/2020-08')],
  ['POST /api/reports/:department/:month', 'rsj', (c) => c.post('/api/reports/RSJ/2020-07', body(t.deps))],
  ['POST /api/reports/:department/:month/file', 'gxj', upload],
  ['POST /api/reports/import', 'admin', importHistory],
  ['GET /api/reports/import/sample.xlsx', 'admin', (c) => c.get('/api/reports/import/sample.xlsx')],
  [
    'GET /api/reports/:department/:month/template.xlsx',
    'leader',
    (c) => c.get('/api/reports/RSJ/2020-08/template.xlsx'),
  ],
  ['GET /api/reports/:department/:month/versions', 'leader', (c) => c.get('/api/reports/RSJ/2020-08/versions')],
  ['GET /api/reports/:department/:month/versions/:n', 'leader', (c) => c.get('/api/reports/RSJ/2020-08/versions/1')],
  ['GET /api/reports/:department/:month/events', 'leader', (c) => c.get('/api/reports/RSJ/2020-08/events')],
  [
    'POST /api/reports/:department/:month/accept',
    'admin',
    (c) => c.post('/api/reports/RSJ/2020-08/accept', { version: 1 }),
  ],
  [
    'POST /api/reports/:department/:month/unlock',
    'admin',
    (c) => c.post('/api/reports/RSJ/2020-08/unlock', { reason: '更正' }),
  ],
  [
    'POST /api/reports/:department/:month/return',
    'admin',
    (c) => c.post('/api/reports/RSJ/2020-08/return', { reason: '请核实', version: 1 }),
  ],
  [
    'POST /api/reports/accept',
    'admin',
    (c) => c.post('/api/reports/accept', { items: [{ department: 'RSJ', month: '2020-07', version: 1 }] }),
  ],
  [
    'POST /api/reminders',
    'admin',
    (c) => c.post('/api/reminders', { month: '2020-07', departments: ['GXJ'], note: '请尽快报送' }),
  ],
  ['GET /api/reminders', 'admin', (c) => c.get('/api/reminders')],
  ['GET /api/progress', 'leader', (c) => c.get('/api/progress')],
  ['GET /api/progress/breakdown', 'leader', (c) => c.get('/api/progress/breakdown?by=county&indicator=T')],
  ['GET /api/series', 'leader', (c) => c.get('/api/series?indicator=T')],
  ['GET /api/ratios', 'leader', (c) => c.get('/api/ratios')],
  ['GET /api/compliance', 'leader', (c) => c.get('/api/compliance')],
  [
    'PUT /api/allocations',
    'admin',
    (c) => c.put('/api/allocations', { target: 'T', items: [{ code: 'RSJ', value: 1000 }] }),
  ],
  ['GET /api/allocations', 'rsj', (c) => c.get('/api/allocations?target=T')],
  ['PUT /api/targets/:code/split', 'admin', (c) => c.put('/api/targets/T/split', { years: { 2020: 100 } })],
  ['GET /api/findings', 'leader', (c) => c.get('/api/findings')],
  ['POST /api/findings', 'inspector', (c) => c.post('/api/findings', finding)],
  [
    'POST /api/findings/:id/response',
    'sanjiang',
    (c) => c.post(`/api/findings/${findingId}/response`, { response: '已组织补训' }),
  ],
  [
    'POST /api/findings/:id/close',
    'inspector',
    (c) => c.post(`/api/findings/${findingId}/close`, { closingNote: '已整改' }),
  ],
  ['GET /api/disclosure/fund-use', 'admin', (c) => c.get('/api/disclosure/fund-use')],
  [
    'POST /api/disclosure/fund-use/:quarter/publish',
    'admin',
    (c) => c.post('/api/disclosure/fund-use/2020-Q2/publish'),
  ],
  [
    'POST /api/disclosure/fund-use/:quarter/withdraw',
    'admin',
    (c) => c.post('/api/disclosure/fund-use/2020-Q2/withdraw'),
  ],
  ['GET /api/institutions', 'leader', (c) => c.get('/api/institutions')],
  ['GET /api/training-projects', 'leader', (c) => c.get('/api/training-projects')],
  [
    'POST /api/rosters',
    'rsj',
    (c) => c.post('/api/rosters', roster({ hours: 60 }, [trainee({ idNumber: person, phone: '13900001111' })])),
  ],
  ['POST /api/rosters/file', 'rsj', uploadRoster],
  // A notice lists stored classes: roster 1, filed just above.
  [
    'POST /api/disclosure/notices',
    'admin',
    (c) => c.post('/api/disclosure/notices', { title: '补贴公示', department: 'RSJ', classIds: ['1'] }),
  ],
  ['GET /api/disclosure/notices', 'admin', (c) => c.get('/api/disclosure/notices')],
  [
    'GET /api/disclosure/notice-classes',
    'admin',
    (c) => c.get('/api/disclosure/notice-classes?department=RSJ&from=2020-01-01&to=2020-12-31'),
  ],
  ['POST /api/disclosure/notices/:id/publish', 'admin', (c) => c.post('/api/disclosure/notices/1/publish')],
  ['GET /api/disclosure/objections', 'admin', (c) => c.get('/api/disclosure/objections')],
  [
    'POST /api/disclosure/objections/:id/answer',
    'admin',
    async (c) => c.post(`/api/disclosure/objections/${await fileObjection('1')}/answer`, { answer: '已核实' }),
  ],
  ['POST /api/disclosure/notices/:id/withdraw', 'admin', (c) => c.post('/api/disclosure/notices/1/withdraw')],
  ['GET /api/rosters', 'admin', (c) => c.get('/api/rosters?department=RSJ')],
  ['GET /api/rosters/:id', 'inspector', (c) => c.get('/api/rosters/1')],
  ['POST /api/rosters/:id/withdraw', 'rsj', (c) => c.post('/api/rosters/2/withdraw', { reason: '重复报送' })],
  ['GET /api/flags', 'inspector', (c) => c.get('/api/flags?status=open')],
  [
    'POST /api/flags/:id/resolve',
    'inspector',
    (c) => c.post('/api/flags/1/resolve', { decision: 'confirm', note: '课时不足，请核查' }),
  ],
  ['POST /api/people/lookup', 'inspector', (c) => c.post('/api/people/lookup', { idNumber: person })],
  ['GET /api/reconciliation', 'leader', (c) => c.get('/api/reconciliation?department=RSJ&month=2020-03')],
  ['GET /api/reconciliation/summary', 'leader', (c) => c.get('/api/reconciliation/summary?month=2020-03')],
  [
    'POST /api/institutions',
    'admin',
    (c) =>
      c.post('/api/institutions', {
        name: '柳州市技能提升培训学校',
        creditCode,
        county: '城中区',
        type: '民办培训机构',
        approved: [{ occupation: '电工', level: '五级' }],
      }),
  ],
  [
    'PATCH /api/institutions/:id',
    'admin',
    (c) => c.patch('/api/institutions/1', { status: '暂停', statusReason: '年检未通过' }),
  ],
  ['PATCH /api/training-projects/:id', 'admin', (c) => c.patch('/api/training-projects/1', { subsidy: 1300 })],
  ['DELETE /api/session', 'leader', (c) => c.delete('/api/session')],
];

const keyOf = (r: DeclaredRoute) => `${r.method} ${r.path}`;

describe('route contracts', () => {
  it('a strict schema refuses a field it does not declare, at any depth (the drift of /api/indicators)', async () => {
    const listed = (await (await t.anonymous.get('/api/indicators')).json()) as unknown[];
    expect(listed[0]).toHaveProperty('groupName');
    expect(strict(z.array(indicatorSchema)).safeParse(listed).success).toBe(false);
    expect(z.array(indicatorSchema).safeParse(listed).success).toBe(true);
  });

  it('has a call for every declared route, and only for declared routes', () => {
    expect(calls.map(([k]) => k).sort()).toEqual(t.app.declaredRoutes.map(keyOf).sort());
  });

  it('every route answers a valid request with what its declared response schema allows, strictly', async () => {
    const routes = new Map(t.app.declaredRoutes.map((r) => [keyOf(r), r]));
    for (const [key, user, run] of calls) {
      const route = routes.get(key);
      if (!route) throw new Error(`${key} is not declared`);
      const client = user ? await t.login(user) : t.anonymous;
      const res = await run(client);
      const label = `${key} → ${res.status}`;
      expect(res.status, `${label}: ${await res.clone().text()}`).toBeLessThan(300);
      const type = res.headers.get('content-type') ?? '';
      expect(type, label).toContain(route.produces ?? 'application/json');
      if (route.response) {
        const parsed = strict(route.response).safeParse(await res.json());
        expect(parsed.success ? [] : parsed.error.issues, label).toEqual([]);
      } else expect(route.produces ?? key, `${key} answers JSON without a declared response schema`).not.toBe(key);
    }
  }, 120_000); // every route of the product, one after another
});
