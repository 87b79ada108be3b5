/** @jsxImportSource hono/jsx */
/**
 * The public site (信息公开, issue #16): HTML under /gongkai/ and the same data as JSON under /api/public/,
 * read from a `PublicSource`. No login and no cookie; every GET answer is public for five minutes with a
 * weak ETag, compressed. Mount it with `app.route('/', createPublicSite(source))` ahead of the session and
 * no-store middleware of /api/*, which must leave /api/public/* alone.
 */
import type { Challenge, FundUse, NoticeBatch, ObjectionReceipt } from '@lz/shared/api/disclosure';
import { formatInZone } from '@lz/shared/zoned-time';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { WorkCalendar } from './notice-period';
import { createObjectionGuard, type ObjectionGuardOptions } from './objections/objection-guard';
import { FundUsePage, fundPeriods } from './pages/fund-use-page';
import { HomePage, MessagePage } from './pages/home-page';
import { InstitutionPage } from './pages/institution-page';
import { InstitutionsPage } from './pages/institutions-page';
import { NoticeBatchPage } from './pages/notice-batch-page';
import { NoticesPage } from './pages/notices-page';
import { type FormState, ObjectionFormPage, ObjectionReceivedPage } from './pages/objection-pages';
import { powScript } from './pages/pow-script';
import { ProjectsPage } from './pages/projects-page';
import { publicReads } from './public-reads';
import type { PublicSource } from './public-source';

export interface PublicSiteOptions {
  /** The one clock: the 公示期 and the challenges' expiry are judged by it. */
  now?: () => Date;
  /** Holidays and 调休 workdays for the 公示期; weekends only when absent. */
  calendar?: WorkCalendar;
  timeZone?: string;
  guard?: ObjectionGuardOptions;
  /** The client's address for the objection limit; behind a proxy the wiring reads its trusted header. */
  addressOf?: (c: Context) => string;
}

const publicCache = 'public, max-age=300';

/** The socket's peer address under @hono/node-server; tests and proxies pass `addressOf`. */
const socketAddress = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ??
  'unknown';

/** No answer of the public site ever sets a cookie; GET answers are public, the rest are not cached. */
const publicHeaders: MiddlewareHandler = async function publicHeaders(c, next) {
  await next();
  c.res.headers.delete('set-cookie');
  const cacheable =
    (c.req.method === 'GET' || c.req.method === 'HEAD') && (c.res.status === 200 || c.res.status === 304);
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', cacheable ? publicCache : 'no-store');
};

const page = async (c: Context, element: unknown, status: ContentfulStatusCode = 200) =>
  c.html(`<!DOCTYPE html>${await element}`, status);

const jsonError = (c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) =>
  c.json({ error: { code, message, details: details ?? [] } }, status);

export function createPublicSite(source: PublicSource, options: PublicSiteOptions = {}): Hono {
  const now = options.now ?? (() => new Date());
  const calendar = options.calendar ?? { holidays: [], workdays: [] };
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const addressOf = options.addressOf ?? socketAddress;
  const guard = createObjectionGuard(options.guard);

  const { notices, batch, fundUse, institutions, institution, projects } = publicReads(source, {
    now,
    calendar,
    timeZone,
  });

  /** The objection after the guard: the batch must be open and the class one of its own. */
  async function file(batchId: string, input: unknown, address: string) {
    const at = now();
    const checked = guard.check({ ...(input as object), batchId }, address, at);
    if (!checked.ok) return checked;
    const target = await batch(batchId);
    if (!target) return { ok: false as const, status: 404 as const, code: 'not_found', message: '公示批次不存在' };
    if (!target.open)
      return { ok: false as const, status: 409 as const, code: 'notice_closed', message: '公示期已结束，不再受理异议' };
    const { classId } = checked.objection;
    if (classId && !target.classes.some((k) => k.id === classId))
      return { ok: false as const, status: 422 as const, code: 'unknown_class', message: '所选培训班不在本批次中' };
    const { reference } = await source.fileObjection(checked.objection, at);
    return { ok: true as const, batch: target, reference, receivedAt: formatInZone(at, timeZone) };
  }

  const app = new Hono();
  for (const path of ['/gongkai', '/gongkai/*', '/api/public/*']) {
    app.use(path, publicHeaders);
    app.use(path, compress());
    app.use(path, etag({ weak: true }));
  }
  app.onError((_err, c) =>
    c.req.path.startsWith('/api/')
      ? jsonError(c, 500, 'internal', '服务暂时不可用，请稍后再试')
      : page(c, <MessagePage title="服务暂时不可用" message="请稍后再试。" />, 500),
  );

  // ---- HTML ----
  app.get('/gongkai', (c) => c.redirect('/gongkai/', 301));
  app.get('/gongkai/', async (c) => {
    const [i, p, f, n] = await Promise.all([institutions({}), projects(), fundUse(), notices()]);
    const dates = { institutions: i?.list.publishedAt ?? null, projects: p.publishedAt, funds: f.publishedAt };
    return page(c, <HomePage dates={{ ...dates, notices: n.publishedAt }} />);
  });
  app.get('/gongkai/pow.js', (c) => c.body(powScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/gongkai/jigou', async (c) => {
    const found = await institutions(c.req.query());
    if (!found) return page(c, <MessagePage title="查询条件无效" message="请从列表中选择筛选条件。" />, 400);
    return page(c, <InstitutionsPage list={found.list} filter={found.filter} />);
  });
  app.get('/gongkai/jigou/:id', async (c) => {
    const found = await institution(c.req.param('id'));
    return found ? page(c, <InstitutionPage page={found} />) : notFoundPage(c);
  });
  app.get('/gongkai/xiangmu', async (c) => page(c, <ProjectsPage list={await projects()} />));
  app.get('/gongkai/zijin', async (c) => {
    const data = await fundUse();
    const view = fundView(data, c.req.query('period'), c.req.query('by'));
    if (!view) return page(c, <MessagePage title="查询条件无效" message="请选择已公布的期间。" />, 400);
    return page(c, <FundUsePage data={data} view={view} />);
  });
  app.get('/gongkai/gongshi', async (c) => page(c, <NoticesPage list={await notices()} />));
  app.get('/gongkai/gongshi/:id', async (c) => {
    const found = await batch(c.req.param('id'));
    return found ? page(c, <NoticeBatchPage batch={found} />) : notFoundPage(c);
  });
  app.get('/gongkai/gongshi/:id/yiyi', async (c) => {
    const found = await batch(c.req.param('id'));
    if (!found) return notFoundPage(c);
    c.header('cache-control', 'no-store'); // each form carries a fresh challenge
    if (!found.open)
      return page(c, <MessagePage title="公示期已结束" message="本批次公示期已结束，不再受理异议。" />, 409);
    return page(c, objectionForm(found, { classId: c.req.query('class') }));
  });
  app.post('/gongkai/gongshi/:id/yiyi', bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), async (c) => {
    const form = await c.req.parseBody();
    // "整个批次" sends an empty class: no class, not a class named "".
    const strings = Object.entries(form).filter(([k, v]) => typeof v === 'string' && !(k === 'classId' && v === ''));
    const fields = Object.fromEntries(strings) as FormState;
    const result = await file(c.req.param('id'), fields, addressOf(c));
    if (result.ok) return page(c, <ObjectionReceivedPage batch={result.batch} reference={result.reference} />);
    const target = result.status === 404 ? null : await batch(c.req.param('id'));
    if (!target) return notFoundPage(c);
    if (!target.open) return page(c, <MessagePage title="公示期已结束" message={result.message} />, result.status);
    return page(c, objectionForm(target, fields, result), result.status);
  });

  // ---- JSON: exactly the view models of shared/src/api/disclosure.ts ----
  app.get('/api/public/institutions', async (c) => {
    const found = await institutions(c.req.query());
    return found ? c.json(found.list) : jsonError(c, 400, 'bad_filter', '查询条件无效');
  });
  app.get('/api/public/institutions/:id', async (c) => {
    const found = await institution(c.req.param('id'));
    return found ? c.json(found) : jsonError(c, 404, 'not_found', '培训机构不存在');
  });
  app.get('/api/public/projects', async (c) => c.json(await projects()));
  app.get('/api/public/fund-use', async (c) => c.json(await fundUse()));
  app.get('/api/public/notices', async (c) => c.json(await notices()));
  app.get('/api/public/notices/:id', async (c) => {
    const found = await batch(c.req.param('id'));
    return found ? c.json(found) : jsonError(c, 404, 'not_found', '公示批次不存在');
  });
  app.get('/api/public/objections/challenge', async (c) => {
    c.header('cache-control', 'no-store');
    const found = await batch(c.req.query('batchId') ?? '');
    if (!found) return jsonError(c, 404, 'not_found', '公示批次不存在');
    if (!found.open) return jsonError(c, 409, 'notice_closed', '公示期已结束，不再受理异议');
    const issued = guard.challenge(found.id, now());
    const challenge: Challenge = { ...issued, expiresAt: formatInZone(issued.expiresAt, timeZone) };
    return c.json(challenge);
  });
  app.post('/api/public/objections', bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    if (!body || typeof body !== 'object') return jsonError(c, 400, 'bad_json', '请求内容不是有效的 JSON');
    const batchId = (body as { batchId?: unknown }).batchId;
    const result = await file(typeof batchId === 'string' ? batchId : '', body, addressOf(c));
    if (!result.ok)
      return jsonError(c, result.status, result.code, result.message, 'details' in result ? result.details : []);
    const receipt: ObjectionReceipt = { reference: result.reference, receivedAt: result.receivedAt };
    return c.json(receipt, 201);
  });

  app.all('/api/public/*', (c) => jsonError(c, 404, 'not_found', '接口不存在'));
  app.all('/gongkai/*', (c) => notFoundPage(c));
  return app;

  function objectionForm(
    target: NoticeBatch,
    values: FormState,
    error?: Parameters<typeof ObjectionFormPage>[0]['error'],
  ) {
    const issued = guard.challenge(target.id, now());
    return <ObjectionFormPage batch={target} challenge={issued} values={values} error={error} />;
  }
}

function notFoundPage(c: Context) {
  return page(c, <MessagePage title="页面不存在" message="您访问的页面不存在或已撤下。" />, 404);
}

function tooLarge(c: Context) {
  return c.req.path.startsWith('/api/')
    ? jsonError(c, 413, 'too_large', '提交内容过长')
    : page(c, <MessagePage title="提交内容过长" message="异议内容不超过 2000 字，请精简后重新提交。" />, 413);
}

/** The period and breakdown asked for; the newest published quarter by county when nothing is asked. */
function fundView(data: FundUse, period: string | undefined, by: string | undefined) {
  const periods = fundPeriods(data);
  const quarters = data.publications.map((p) => p.quarter).sort();
  const chosen = period ?? quarters.at(-1) ?? null;
  if (chosen !== null && !periods.includes(chosen)) return null;
  if (by !== undefined && by !== 'county' && by !== 'department') return null;
  return { period: chosen, dimension: by === 'department' ? ('department' as const) : ('county' as const) };
}
