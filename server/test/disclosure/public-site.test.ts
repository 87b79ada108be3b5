import {
  challengeSchema,
  fundUseSchema,
  institutionListSchema,
  noticeBatchSchema,
  objectionReceiptSchema,
} from '@lz/shared/api/disclosure';
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { workBits } from '../../src/disclosure/objections/challenge';
import { createPublicSite } from '../../src/disclosure/public-site';
import { fakePublicSource, trainees, unpublishedFigures } from './fake-public-source';
import { randomBytes } from 'node:crypto';
import { bytesBeforeFirstTable, crawlPublicSite } from './leak-crawl';

// Thursday 2020-09-03 10:00 in Liuzhou: batch B-2020-09 (published Wednesday 09-02) is open until 09-08.
const now = new Date('2020-09-03T02:00:00Z');

function site(clock = () => now) {
  const source = fakePublicSource();
  const app = createPublicSite(source, {
    now: clock,
    guard: { secret: Buffer.from('public site test key'), bits: 8, limit: 4 },
    addressOf: (c) => c.req.header('x-test-address') ?? 'test',
  });
  return { app, source };
}

type SiteApp = ReturnType<typeof site>['app'];

/** A challenge from the API, solved as the page's script would. */
async function solvedChallenge(app: SiteApp, batchId: string) {
  const res = await app.request(`/api/public/objections/challenge?batchId=${batchId}`);
  const c = challengeSchema.parse(await res.json());
  let pow = 0;
  while (workBits(c.nonce, String(pow)) < c.bits) pow++;
  return { token: c.token, pow: String(pow) };
}

const errorMessage = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

const leakRules = {
  fullNames: trainees.map((t) => t.name),
  usernames: ['rsj_clerk01', 'lz_admin'],
  unpublishedFigures,
};

describe('the public site', () => {
  test('the leak crawl finds nothing private on any page or JSON answer, and reaches them all', async () => {
    const { app } = site();
    const report = await crawlPublicSite((path) => app.request(path), leakRules);
    expect(report.problems).toEqual([]);
    expect(report.visited).toEqual(
      expect.arrayContaining([
        '/gongkai/',
        '/gongkai/jigou',
        '/gongkai/jigou/inst-1',
        '/gongkai/jigou?county=450222',
        '/gongkai/xiangmu',
        '/gongkai/zijin',
        '/gongkai/zijin?by=department',
        '/gongkai/gongshi',
        '/gongkai/gongshi/B-2020-09',
        '/gongkai/gongshi/B-2020-09/yiyi',
        '/gongkai/pow.js',
        '/api/public/institutions',
        '/api/public/institutions/inst-2',
        '/api/public/projects',
        '/api/public/fund-use',
        '/api/public/notices',
        '/api/public/notices/B-2020-06',
      ]),
    );
  });

  test('pages and JSON are public for five minutes, with an ETag, gzip and never a cookie', async () => {
    const { app } = site();
    for (const path of ['/gongkai/zijin', '/api/public/fund-use']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('set-cookie')).toBeNull();
      const tag = res.headers.get('etag');
      expect(tag).toMatch(/^W\/"/);
      const again = await app.request(path, { headers: { 'if-none-match': tag! } });
      expect(again.status).toBe(304);
    }
    const form = await app.request('/gongkai/gongshi/B-2020-09/yiyi');
    expect(form.headers.get('cache-control')).toBe('no-store');
  });

  test('fund use: the page shows the API figures, summed from accepted reports of published quarters', async () => {
    const { app } = site();
    const api = fundUseSchema.parse(await (await app.request('/api/public/fund-use')).json());
    const yufeng = api.rows.find((r) => r.period === '2020-Q3' && r.code === '450203');
    // Only RSJ's accepted July row; GXJ's unaccepted September row must not count.
    expect(yufeng?.training).toEqual({ amount: 48000, personTimes: 40 });
    expect(api.rows.some((r) => r.period === '2020-Q4')).toBe(false);
    const html = await (await app.request('/gongkai/zijin?period=2020-Q3&by=county')).text();
    expect(html).toContain('2020年第三季度资金使用情况');
    expect(html).toMatch(/鱼峰区<\/th><td class="num">48,000.00<\/td><td class="num">40<\/td>/);
    // 合计 of the county table: 48,000 + 12,000.50 training; total of all four lines 58,700 + 12,800.50.
    expect(html).toContain('<td class="num">60,000.50</td><td class="num">50</td>');
    expect(html).toContain('<td class="num">71,500.50</td>');
    expect(html).toContain('发布日期：2020年10月26日');
    expect(html).toContain('<svg');
    expect((await app.request('/gongkai/zijin?period=2020-Q4')).status).toBe(400);
  });

  test('the institution catalogue searches and filters; a bad filter is refused', async () => {
    const { app } = site();
    const names = async (query: string) =>
      institutionListSchema
        .parse(await (await app.request(`/api/public/institutions${query}`)).json())
        .items.map((i) => i.name);
    expect(await names('?county=450222')).toEqual(['柳城县巧手家政培训学校']);
    expect(await names('?q=12450200498512345x')).toEqual(['柳州市第一职业技术学校']);
    expect(await names('?occupation=焊工&status=有效')).toEqual(['柳州市第一职业技术学校']);
    expect(await names('?type=民办培训机构&status=有效')).toEqual([]);
    expect((await app.request('/api/public/institutions?type=nonsense')).status).toBe(400);
    const page = await (await app.request('/gongkai/jigou?q=巧手&county=')).text();
    expect(page).toContain('共 1 家培训机构');
    expect(page).toContain('暂停（2020-11-15 起）');
    const detail = await (await app.request('/gongkai/jigou/inst-1')).text();
    expect(detail).toContain('<td>电工</td><td class="wrap">五级/初级工、四级/中级工</td>');
    expect(detail).toContain('185,400.50');
  });

  test('notices show the 公示期, masked trainees, and nothing of an unpublished batch', async () => {
    const { app } = site();
    const batch = noticeBatchSchema.parse(await (await app.request('/api/public/notices/B-2020-09')).json());
    expect(batch).toMatchObject({ noticeStart: '2020-09-02', noticeEnd: '2020-09-08', open: true });
    expect(batch.classes[0]?.trainees?.[0]).toEqual({
      name: '张*三',
      idNumber: `4502**********${trainees[0]!.idNumber.slice(-4)}`,
    });
    const html = await (await app.request('/gongkai/gongshi/B-2020-09')).text();
    expect(html).toContain('公示期：2020年9月2日至2020年9月8日');
    expect(html).toContain('<td>李*</td>');
    expect((await app.request('/gongkai/gongshi/B-draft')).status).toBe(404);
    expect((await app.request('/api/public/notices/B-draft')).status).toBe(404);
    const closed = await (await app.request('/gongkai/gongshi/B-2020-06')).text();
    expect(closed).toContain('公示期已结束');
    expect(closed).not.toContain('/yiyi');
  });

  test('a 404 in Chinese for pages, JSON for the API', async () => {
    const { app } = site();
    const res = await app.request('/gongkai/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('页面不存在');
    const api = await app.request('/api/public/nothing');
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: '接口不存在', details: [] } });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('an objection without JavaScript: the arithmetic answer files it in the office queue', async () => {
    const { app, source } = site();
    const form = await (await app.request('/gongkai/gongshi/B-2020-09/yiyi?class=C-2')).text();
    expect(form).toContain('<option value="C-2" selected="">');
    const token = /name="token" value="([^"]+)"/.exec(form)![1]!;
    const question = /验证问题：(.+?)等于几？/.exec(form)![1]!;
    const digits = '零一二三四五六七八九十';
    const [x, op, y] = [digits.indexOf(question[0]!), question[1], digits.indexOf(question.slice(2))];
    const answer = String(op === '加' ? x + y : x - y);
    const body = new URLSearchParams({
      token,
      pow: '',
      classId: 'C-2',
      name: '王五',
      contact: '0772-2812345',
      text: '该班结业日期与实际不符。',
      website: '',
      answer,
    });
    const res = await app.request('/gongkai/gongshi/B-2020-09/yiyi', { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('受理编号 YY0001');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(source.objections).toEqual([
      {
        reference: 'YY0001',
        receivedAt: now,
        objection: {
          batchId: 'B-2020-09',
          classId: 'C-2',
          name: '王五',
          contact: '0772-2812345',
          text: '该班结业日期与实际不符。',
        },
      },
    ]);
    // The same form again: the token is spent, the form comes back with the text kept and a new question.
    const replay = await app.request('/gongkai/gongshi/B-2020-09/yiyi', { method: 'POST', body });
    expect(replay.status).toBe(400);
    const again = await replay.text();
    expect(again).toContain('该验证已使用过');
    expect(again).toContain('该班结业日期与实际不符。');
    expect(source.objections).toHaveLength(1);
  });

  test('an objection through the JSON API with proof of work; the limit per address; a closed notice', async () => {
    const { app, source } = site();
    const file = async (address: string) => {
      const body = JSON.stringify({
        batchId: 'B-2020-09',
        name: '赵六',
        contact: 'zl@example.cn',
        text: '培训机构未按时开课。',
        ...(await solvedChallenge(app, 'B-2020-09')),
      });
      return app.request('/api/public/objections', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-test-address': address },
      });
    };
    const first = await file('1.2.3.4');
    expect(first.status).toBe(201);
    expect(objectionReceiptSchema.parse(await first.json())).toEqual({
      reference: 'YY0001',
      receivedAt: '2020-09-03T10:00:00+08:00',
    });
    for (let i = 0; i < 3; i++) expect((await file('1.2.3.4')).status).toBe(201);
    const limited = await file('1.2.3.4');
    expect(limited.status).toBe(429);
    expect(await errorMessage(limited)).toBe('提交过于频繁，请 60 分钟后再试');
    expect((await file('5.6.7.8')).status).toBe(201);
    expect(source.objections).toHaveLength(5);
    const closed = await app.request('/api/public/objections/challenge?batchId=B-2020-06');
    expect(closed.status).toBe(409);
  });

  test('the 公示期 ends at 23:59:59 of its last working day; an expired challenge is refused before', async () => {
    let clock = now;
    const { app, source } = site(() => clock);
    const early = await solvedChallenge(app, 'B-2020-09');
    const objection = { batchId: 'B-2020-09', name: '赵六', contact: 'zl@example.cn', text: '培训机构未按时开课。' };
    const post = (solved: object) =>
      app.request('/api/public/objections', {
        method: 'POST',
        body: JSON.stringify({ ...objection, ...solved }),
        headers: { 'content-type': 'application/json' },
      });
    clock = new Date('2020-09-08T15:30:00Z'); // 23:30 on the last day, Liuzhou time
    const expired = await post(early);
    expect(expired.status).toBe(400);
    expect(await errorMessage(expired)).toBe('验证已过期，请刷新页面后重新填写');
    const [onTime, late] = [await solvedChallenge(app, 'B-2020-09'), await solvedChallenge(app, 'B-2020-09')];
    clock = new Date('2020-09-08T15:59:59Z');
    expect((await post(onTime)).status).toBe(201);
    clock = new Date('2020-09-08T16:00:00Z'); // midnight: the period is over
    const closed = await post(late);
    expect(closed.status).toBe(409);
    expect(await errorMessage(closed)).toBe('公示期已结束，不再受理异议');
    expect(source.objections).toHaveLength(1);
  });

  test('a source that forgets to mask a person makes the page fail, without showing the person', async () => {
    const source = fakePublicSource();
    const leaky = {
      ...source,
      noticeBatch: async (id: string) => {
        const b = await source.noticeBatch(id);
        return (
          b && {
            ...b,
            classes: b.classes.map((k) => ({ ...k, trainees: [{ name: '张建三', idNumber: trainees[0]!.idNumber }] })),
          }
        );
      },
    };
    const app = createPublicSite(leaky, { now: () => now });
    const res = await app.request('/gongkai/gongshi/B-2020-09');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('服务暂时不可用');
    expect(text).not.toContain('张建三');
    expect(text).not.toContain(trainees[0]!.idNumber);
  });
});

describe('the leak crawl itself', () => {
  test('finds a cookie, an ID number, a phone, a name, a user, an unpublished figure and a dead link', async () => {
    const leaky = new Hono();
    const id = trainees[1]!.idNumber;
    leaky.get('/gongkai/', (c) => {
      c.header('set-cookie', 'sid=1');
      return c.html(`<a href="/gongkai/b">b</a><a href="/gongkai/gone">x</a><table></table>${id}`);
    });
    leaky.get('/gongkai/b', (c) => c.html('<p>13907721234 张建三 rsj_clerk01 97,531.24</p>'));
    const report = await crawlPublicSite((p) => leaky.request(p), leakRules);
    expect(report.problems).toEqual([
      '/gongkai/: sets a cookie',
      '/gongkai/: ID number 4502…',
      '/gongkai/b: phone number 139…',
      '/gongkai/b: full name 张…',
      '/gongkai/b: internal user rsj_clerk01',
      '/gongkai/b: unpublished figure 97531.24',
      '/gongkai/gone: answers 404',
    ]);
  });

  test('counts a page heavier than 100 KB gzipped before its first table', async () => {
    const heavy = randomBytes(120 * 1024).toString('base64');
    expect(bytesBeforeFirstTable(`<p>${heavy}</p><table></table>`)).toBeGreaterThan(100 * 1024);
    expect(bytesBeforeFirstTable(`<table></table><p>${heavy}</p>`)).toBeLessThan(100);
    const app = new Hono().get('/gongkai/', (c) => c.html(`<p>${heavy}</p><table></table>`));
    const report = await crawlPublicSite((p) => app.request(p), leakRules);
    expect(report.problems).toEqual(['/gongkai/: more than 100 KB gzipped before its first table']);
  });
});
