/**
 * 信息公开 (#16) as an anonymous visitor sees it in a real browser, with JavaScript on and off: every public
 * page shows the figures /api/public answers, sets no cookie and stays under 100 KB gzipped before its first
 * table; an objection filed on the demo's open notice batch (proof of work with JavaScript, the arithmetic
 * question without) reaches the office's /admin/disclosure, which answers it there. Screenshots at
 * 1366×768 and 390×844 go to SHOTS_DIR (default /tmp/shots16).
 */
import type { FundUse, InstitutionList, InstitutionPage, NoticeBatch, NoticeList } from '@lz/shared/api/disclosure';
import type { OfficeObjection } from '@lz/shared/api/disclosure-office';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesBeforeFirstTable } from '../../../server/test/disclosure/leak-crawl';
import {
  browserAvailability,
  errorPanels,
  getJson,
  newContext,
  settle,
  shootScreens,
  signedIn,
  serverAndBrowser,
} from './harness';

const { run } = browserAvailability();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots16';

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 「七加五等于几？」 → 12: what a person without JavaScript types. */
function solve(question: string): string {
  const m = /([零一二三四五六七八九十])([加减])([零一二三四五六七八九十])/u.exec(question);
  if (!m) throw new Error(`no arithmetic in ${question}`);
  const [x, y] = [DIGITS.indexOf(m[1] ?? ''), DIGITS.indexOf(m[3] ?? '')];
  return String(m[2] === '加' ? x + y : x - y);
}

describe.skipIf(!run)('the public site in a browser', () => {
  const suite = serverAndBrowser();
  const json = async <T>(path: string): Promise<T> => (await (await fetch(`${suite.server.base}${path}`)).json()) as T;
  const references: string[] = [];
  let open: NoticeBatch;

  beforeAll(async () => {
    const list = await json<NoticeList>('/api/public/notices');
    const batch = list.items.find((b) => b.open);
    if (!batch) throw new Error('the demo has no notice batch open for objections');
    open = await json<NoticeBatch>(`/api/public/notices/${batch.id}`);
  }, 150_000);

  const visitor = (javaScriptEnabled: boolean) =>
    // An anonymous visitor's browser animates its charts (no reduced motion): settle waits for them to finish.
    newContext(suite.browser, { javaScriptEnabled, reducedMotion: 'no-preference' });

  /** Opens a public page: no cookie, light before its first table; its text. */
  async function visit(page: Page, path: string): Promise<string> {
    const res = await page.goto(`${suite.server.base}${path}`);
    expect(res?.status(), path).toBe(200);
    expect(await res?.headerValue('set-cookie'), path).toBeNull();
    expect(bytesBeforeFirstTable(await (res?.text() ?? '')), path).toBeLessThanOrEqual(100 * 1024);
    return (await page.textContent('body')) ?? '';
  }

  async function expectNoCookie(context: BrowserContext) {
    expect(await context.cookies()).toEqual([]);
  }

  for (const js of [true, false]) {
    it(`shows the figures of /api/public with JavaScript ${js ? 'on' : 'off'}, no cookie`, async () => {
      const context = await visitor(js);
      const page = await context.newPage();

      const home = await visit(page, '/gongkai/');
      expect(home).toContain('培训机构目录');
      expect(home).toContain('补贴公示');

      const institutions = await json<InstitutionList>('/api/public/institutions');
      await visit(page, '/gongkai/jigou');
      expect(await page.locator('main table tbody tr').count()).toBe(institutions.items.length);

      // The institution of the open batch's first class: its page counts the published rosters.
      const name = open.classes[0]?.institution;
      const listed = institutions.items.find((i) => i.name === name);
      expect(listed, name).toBeDefined();
      const { institution } = await json<InstitutionPage>(`/api/public/institutions/${listed?.id}`);
      expect(institution.years.length).toBeGreaterThan(0);
      const own = await visit(page, `/gongkai/jigou/${listed?.id}`);
      for (const y of institution.years) {
        expect(own).toContain(`${y.year}`);
        expect(own).toContain(yuan.format(y.subsidies));
        expect(own).toContain(count.format(y.trainees));
      }

      await visit(page, '/gongkai/xiangmu');
      const fund = await json<FundUse>('/api/public/fund-use');
      const period = fund.years.at(-1)?.quarters.at(-1);
      const fundPage = await visit(page, '/gongkai/zijin');
      for (const r of fund.rows.filter((x) => x.period === period && x.dimension === 'county'))
        expect(fundPage, `${r.name} ${period}`).toContain(yuan.format(r.training.amount));
      expect(await page.locator('main svg').count()).toBeGreaterThan(0);

      const notices = await json<NoticeList>('/api/public/notices');
      const noticesPage = await visit(page, '/gongkai/gongshi');
      for (const b of notices.items) expect(noticesPage).toContain(b.title);
      const batchPage = await visit(page, `/gongkai/gongshi/${open.id}`);
      expect(batchPage).toContain(`共 ${open.classCount} 个培训班，补贴金额合计 ${yuan.format(open.amount)} 元`);
      const first = open.classes[0]?.trainees?.[0];
      expect(batchPage).toContain(first?.name);
      expect(batchPage).toContain(first?.idNumber);
      await expectNoCookie(context);
      await context.close();
    });

    it(`files an objection on the open batch with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const context = await visitor(js);
      const page = await context.newPage();
      await visit(page, `/gongkai/gongshi/${open.id}/yiyi`);
      await page.selectOption('select[name=classId]', open.classes[0]?.id ?? '');
      await page.fill('input[name=name]', js ? '王晓明' : '李春燕');
      await page.fill('input[name=contact]', '0772-2820000');
      await page.fill('textarea[name=text]', '公示的开班人数与实际到课人数不一致，请核查。');
      if (js) await expect.poll(() => page.locator('.question').isHidden(), { timeout: 30_000 }).toBe(true);
      else await page.fill('input[name=answer]', solve((await page.textContent('.question')) ?? ''));
      await page.click('button[type=submit]');
      await page.locator('[role=status]').waitFor({ timeout: 30_000 });
      const receipt = (await page.textContent('[role=status]')) ?? '';
      const reference = /受理编号 (YY\d{6})/.exec(receipt)?.[1];
      expect(reference, receipt).toBeDefined();
      references.push(reference ?? '');
      await expectNoCookie(context);
      await context.close();
    });
  }

  it('the office sees both objections in /admin/disclosure and answers one there', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'admin');
    await page.goto(`${suite.server.base}/admin/disclosure`);
    await settle(page);
    expect(await errorPanels(page)).toEqual([]);
    const queue = page.locator('[data-testid=disclosure-objections]');
    for (const ref of references) await expect.poll(() => queue.textContent()).toContain(ref);
    const row = queue.locator('tr', { hasText: references[0] ?? '' });
    await row.getByRole('button').click();
    await page.fill('.ant-modal textarea', '经核查，该班实际到课人数与公示一致。');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect
      .poll(async () => {
        const list = await getJson<OfficeObjection[]>(page, suite.server.base, '/api/disclosure/objections');
        return list.find((o) => o.reference === references[0])?.answer;
      })
      .toBe('经核查，该班实际到课人数与公示一致。');
    await page.context().close();
  });

  it('screenshots of the public pages and the office page', async () => {
    const context = await visitor(true);
    const page = await context.newPage();
    const institutions = await json<InstitutionList>('/api/public/institutions');
    const withYears = institutions.items.find((i) => i.name === open.classes[0]?.institution);
    const pages: [string, string][] = [
      ['public-home', '/gongkai/'],
      ['public-institutions', '/gongkai/jigou'],
      ['public-institution', `/gongkai/jigou/${withYears?.id}`],
      ['public-fund-use', '/gongkai/zijin'],
      ['public-notice', `/gongkai/gongshi/${open.id}`],
    ];
    for (const [name, path] of pages) {
      await visit(page, path);
      await shootScreens(page, SHOTS, name);
    }
    await context.close();
    const admin = await signedIn(suite.browser, suite.server.base, 'admin');
    await admin.goto(`${suite.server.base}/admin/disclosure`);
    await settle(admin);
    await shootScreens(admin, SHOTS, 'admin-disclosure');
    await admin.locator('[data-testid=disclosure-new-batch]').click();
    await admin.locator('.ant-modal .ant-select').first().click();
    await admin.locator('.ant-select-item-option', { hasText: '市人力资源社会保障局' }).first().click();
    await admin.locator('[data-testid=batch-classes] tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    const firstClass = admin.locator('[data-testid=batch-classes] tbody tr.ant-table-row').first();
    await firstClass.locator('td.ant-table-selection-column').click();
    expect(await admin.textContent('[data-testid=batch-picked]')).toContain('已选 1 个培训班');
    await shootScreens(admin, SHOTS, 'admin-new-batch');
    await admin.context().close();
  }, 180_000);
});
