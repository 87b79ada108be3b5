/**
 * End-to-end: the real server (DEMO=1) serving web/dist, driven by headless Chromium. Every role logs in,
 * opens every page it may see (screenshots at 1366×768 in test-artifacts/screenshots), and the figures on
 * screen are compared with what the API returns for the same cookie.
 */
import type { Breakdown, Progress, Series } from '@lz/shared/api/progress';
import type { ReportMonth, ReportVersion } from '@lz/shared/api/reports';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asOfForMonth } from '../../src/lib/as-of';
import {
  browserAvailability,
  dataValue,
  errorPanels,
  getJson,
  login,
  newContext,
  screenshotDir,
  settle,
  shoot,
  serverAndBrowser,
  watchProblems,
} from './harness';

const { run } = browserAvailability();

describe.skipIf(!run)('web app in a browser', () => {
  const suite = serverAndBrowser();

  async function session(username: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await login(page, suite.server.base, username);
    return { context, page, problems };
  }

  /** Opens a page, waits for its data, checks no panel failed, and saves the screenshot. */
  async function visit(page: Page, role: string, name: string, path: string): Promise<void> {
    await page.goto(`${suite.server.base}${path}`);
    await settle(page);
    expect(await errorPanels(page), `${role} ${path}`).toEqual([]);
    await shoot(page, role, name);
  }

  async function expectTargetsMatchApi(page: Page): Promise<void> {
    const progress = await getJson<Progress>(page, suite.server.base, '/api/progress');
    for (const t of progress.targets) {
      expect(await dataValue(page, `target-${t.code}-actual`), t.code).toBe(String(t.actual ?? ''));
    }
  }

  it('leader: overview figures equal the API, drill-down from the city to one report, Back works', async () => {
    const { context, page, problems } = await session('leader');
    expect(new URL(page.url()).pathname).toBe('/overview');
    await settle(page);
    // The demo plays 2021-11-05 inside its campaign (issue #13 point 16), and says so in the header.
    expect(await page.locator('[data-testid=demo-date]').textContent()).toBe('演示日期 2021-11-05');
    await expectTargetsMatchApi(page);
    const ratios = await getJson<{ city: { r1: number | null } }>(page, suite.server.base, '/api/ratios');
    expect(Number(await dataValue(page, 'ratio-r1'))).toBeCloseTo(ratios.city.r1 ?? 0, 10);
    await shoot(page, 'leader', 'overview');

    // The as-of month lives in the URL and reproduces the view.
    await page.goto(`${suite.server.base}/overview?month=2020-08`);
    await settle(page);
    const mid = await getJson<Progress>(page, suite.server.base, '/api/progress?asOf=2020-09-30');
    expect(mid.throughMonth).toBe('2020-08');
    expect(await dataValue(page, 'target-T-actual')).toBe(String(mid.targets.find((t) => t.code === 'T')?.actual));
    await shoot(page, 'leader', 'overview-2020-08');

    await visit(page, 'leader', 'map', '/map');
    expect(await page.locator('[data-testid=county-map] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=zone-LD]').count()).toBe(1);
    expect(await page.locator('[data-testid=zone-BB]').count()).toBe(1);

    // City → county.
    await visit(page, 'leader', 'drill', '/drill');
    const byCounty = await getJson<Breakdown>(page, suite.server.base, '/api/progress/breakdown?by=county&indicator=T');
    for (const r of byCounty.rows)
      expect(await dataValue(page, `drill-actual-${r.code}`), r.name).toBe(String(r.actual));
    await page.locator('[data-testid=drill-counties]').getByRole('link', { name: '三江侗族自治县' }).click();
    await page.waitForURL('**/drill/county/450226');
    await settle(page);
    const depts = await getJson<Breakdown>(
      page,
      suite.server.base,
      '/api/progress/breakdown?by=department&county=450226&indicator=T',
    );
    for (const r of depts.rows)
      expect(await dataValue(page, `drill-dept-actual-${r.code}`), r.name).toBe(String(r.actual));
    await shoot(page, 'leader', 'drill-county');

    // County → department → months.
    await page.locator('[data-testid=drill-departments]').getByRole('link', { name: '市人力资源社会保障局' }).click();
    await page.waitForURL('**/drill/county/450226/department/RSJ');
    await settle(page);
    const series = await getJson<Series>(
      page,
      suite.server.base,
      '/api/series?indicator=T&county=450226&department=RSJ',
    );
    const last = series.points.filter((p) => p.value !== null).at(-1);
    expect(last).toBeDefined();
    expect(await dataValue(page, `month-value-${last?.month}`)).toBe(String(last?.value));
    await shoot(page, 'leader', 'drill-county-department');

    // Month → the report version and its rows.
    await page.locator(`[data-testid=drill-months] a[href*="/reports/RSJ/${last?.month}"]`).first().click();
    await page.waitForURL(`**/reports/RSJ/${last?.month}?county=450226`);
    await settle(page);
    const report = await getJson<ReportVersion>(page, suite.server.base, `/api/reports/RSJ/${last?.month}`);
    expect(await dataValue(page, 'report-total-T')).toBe(String(report.totals.T));
    expect(await dataValue(page, 'report-version')).toBe(String(report.version));
    const row = report.rows.find((r) => r.county === '450226');
    expect(await page.locator('tr.row-highlight').first().textContent()).toContain(String(row?.values.T ?? ''));
    await shoot(page, 'leader', 'report');

    // The browser's Back button walks back up the levels.
    await page.goBack();
    await page.waitForURL('**/drill/county/450226/department/RSJ');
    await page.goBack();
    await page.waitForURL('**/drill/county/450226');

    // A version picked from the history keeps the county the drill-down came through (and the breadcrumb).
    await visit(page, 'leader', 'report-versions', `/reports/RSJ/${last?.month}?county=450226&tab=versions`);
    await page
      .getByRole('link', { name: /^版本 \d+$/ })
      .first()
      .click();
    await page.waitForURL((u) => u.searchParams.get('v') !== null);
    expect(new URL(page.url()).searchParams.get('county')).toBe('450226');
    await expect.poll(() => page.locator('[data-testid=drill-breadcrumb]').textContent()).toContain('三江侗族自治县');

    // The as-of month rides along to the report, so its breadcrumb leads back to the same view.
    await visit(page, 'leader', 'drill-county-department-2020-08', '/drill/county/450226/department/RSJ?month=2020-08');
    await page.locator('[data-testid=drill-months]').getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/reports/RSJ/') && u.searchParams.get('month') === '2020-08');
    await settle(page);
    expect(
      await page
        .locator('[data-testid=drill-breadcrumb]')
        .getByRole('link', { name: '三江侗族自治县' })
        .getAttribute('href'),
    ).toBe('/drill/county/450226?month=2020-08');

    // A month outside the campaign window is clamped to it, not shown as zeros.
    await visit(page, 'leader', 'overview-before-window', '/overview?month=2018-06');
    await page.waitForURL('**/overview?month=2019-08');
    const first = await getJson<Progress>(page, suite.server.base, `/api/progress?asOf=${asOfForMonth('2019-08')}`);
    expect(await dataValue(page, 'target-T-actual')).toBe(String(first.targets.find((t) => t.code === 'T')?.actual));

    await visit(page, 'leader', 'inspect', '/inspect');
    await visit(page, 'leader', 'inspect-compliance', '/inspect?tab=compliance');
    await visit(page, 'leader', 'inspect-findings', '/inspect?tab=findings');
    expect(await page.locator('[data-testid=finding-create]').count()).toBe(0);
    await visit(page, 'leader', 'bulletin', '/bulletin');
    const latest = await getJson<Progress>(page, suite.server.base, '/api/progress');
    expect(await dataValue(page, 'bulletin-T-actual')).toBe(String(latest.targets.find((t) => t.code === 'T')?.actual));
    // "Latest" is dated by the bulletin month's cut-off, not by today.
    // On the demo's day (2021-11-05) October's cut-off is still ahead, so "latest" is today.
    const today = new Date(
      (await getJson<{ now: string }>(page, suite.server.base, '/api/clock')).now,
    ).toLocaleDateString('sv-SE', {
      timeZone: 'Asia/Shanghai',
    });
    const cutOff = asOfForMonth(latest.throughMonth) ?? today;
    expect(await page.locator('[data-testid=bulletin-as-of]').textContent()).toBe(cutOff < today ? cutOff : today);
    // Printed: navigation gone, the bulletin on A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=bulletin]').isVisible()).toBe(true);
    // Charts are drawn at the printed width, not clipped on the right.
    await page.waitForTimeout(300);
    const sheet = await page.locator('[data-testid=bulletin]').evaluate((e) => e.getBoundingClientRect().width);
    for (const w of await page
      .locator('[data-testid=bulletin] canvas')
      .evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width)))
      expect(w).toBeLessThanOrEqual(sheet + 1);
    expect(sheet).toBeLessThan(710);
    await shoot(page, 'leader', 'bulletin-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    writeFileSync(join(screenshotDir, '..', 'bulletin.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });

    // Pages outside the role say so.
    await page.goto(`${suite.server.base}/admin/users`);
    await expect.poll(() => page.locator('text=403').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('admin: every page, review queue accept and return, users and audit', async () => {
    const { context, page, problems } = await session('admin');
    expect(new URL(page.url()).pathname).toBe('/review');
    await settle(page);
    const all = await getJson<ReportMonth[]>(page, suite.server.base, '/api/reports?status=submitted');
    expect(all.length).toBeGreaterThan(2);
    // RSJ's open month is left for the reporter's test.
    const queue = all.filter((m) => m.department !== 'RSJ');
    await shoot(page, 'admin', 'review');

    const [first, second] = queue;
    if (!first || !second) throw new Error('queue too short');
    await page.click(`[data-testid=accept-${first.department}-${first.month}]`);
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(
        async () =>
          (await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${first.department}/${first.month}`))
            .status,
      )
      .toBe('accepted');

    await page.click(`[data-testid=return-${second.department}-${second.month}]`);
    await page.locator('.ant-modal textarea').fill('请核实企业职工培训分项');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect
      .poll(
        async () =>
          (await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${second.department}/${second.month}`))
            .status,
      )
      .toBe('returned');

    await visit(page, 'admin', 'overview', '/overview');
    await expectTargetsMatchApi(page);
    await visit(page, 'admin', 'map', '/map');
    await visit(page, 'admin', 'drill', '/drill');
    await visit(page, 'admin', 'inspect', '/inspect');
    await visit(page, 'admin', 'inspect-compliance', '/inspect?tab=compliance');
    await visit(page, 'admin', 'inspect-findings', '/inspect?tab=findings');
    await visit(page, 'admin', 'bulletin', '/bulletin');
    await visit(page, 'admin', 'workspace', '/workspace?department=GXJ');
    await visit(page, 'admin', 'report', `/reports/${second.department}/${second.month}?tab=versions`);
    expect(await page.locator('[data-testid=returned-reason]').textContent()).toContain('请核实企业职工培训分项');
    await visit(page, 'admin', 'allocations', '/allocations');
    const alloc = await getJson<{ sum: number }>(page, suite.server.base, '/api/allocations?target=T');
    expect(await dataValue(page, 'allocation-sum')).toBe(String(alloc.sum));
    // A link to a tab this month does not offer (entry on an accepted month) shows the data, not a blank page.
    await visit(page, 'admin', 'report-accepted-entry', `/reports/${first.department}/${first.month}?tab=entry`);
    expect(await dataValue(page, 'report-total-T')).not.toBeNull();
    await visit(page, 'admin', 'users', '/admin/users');
    // History import: a broken file lists its problems and changes nothing; the corrected one adds a version.
    const target = queue[2];
    if (!target) throw new Error('queue too short for the import');
    const before = await getJson<ReportVersion>(
      page,
      suite.server.base,
      `/api/reports/${target.department}/${target.month}`,
    );
    const codes = Object.keys(before.rows[0]?.values ?? {});
    // Sent "now" on the server's clock: the demo plays 2021-11-05, and a 报送时间 after that would be refused.
    const sentAt = (await getJson<{ now: string }>(page, suite.server.base, '/api/clock')).now;
    const historyCsv = (spoil: boolean) =>
      Buffer.from(
        [
          ['填报单位', '月份', '报送时间', '县区', ...codes].join(','),
          ...before.rows.map((r, i) =>
            [
              target.department,
              target.month,
              sentAt,
              r.county,
              ...codes.map((c) => (spoil && i === 0 && c === 'T' ? (r.values.T ?? 0) + 1 : (r.values[c] ?? 0))),
            ].join(','),
          ),
        ].join('\r\n'),
      );
    await visit(page, 'admin', 'import', '/admin/import');
    await page.setInputFiles('input[type=file]', {
      name: 'history-bad.csv',
      mimeType: 'text/csv',
      buffer: historyCsv(true),
    });
    await page.locator('[data-testid=import-error]').waitFor();
    // The one broken figure, T of the first county (line 2), is the one problem listed, at its cell.
    const column = 4 + codes.indexOf('T'); // 0-based, after 填报单位, 月份, 报送时间, 县区
    const letters =
      (column >= 26 ? String.fromCharCode(64 + Math.floor(column / 26)) : '') + String.fromCharCode(65 + (column % 26));
    const tCell = `${letters}2`;
    expect(
      await page.locator('[data-testid=import-problems] tbody tr.ant-table-row td:first-child').allTextContents(),
    ).toEqual([tCell]);
    expect(
      (await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${target.department}/${target.month}`))
        .version,
    ).toBe(before.version);
    await shoot(page, 'admin', 'import-refused');
    await page.setInputFiles('input[type=file]', {
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: historyCsv(false),
    });
    await page.locator('[data-testid=import-done]').waitFor();
    expect(
      (await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${target.department}/${target.month}`))
        .version,
    ).toBe(before.version + 1);
    await shoot(page, 'admin', 'import-done');

    await visit(page, 'admin', 'audit', '/admin/audit');
    await expect.poll(() => page.locator('[data-testid=audit-table] tbody tr').count()).toBeGreaterThan(10);
    // Actions are named in Chinese (shared/audit-actions.ts).
    expect(await page.locator('[data-testid=audit-table]').textContent()).toContain('退回');
    // Dates filter by the calendar day in Beijing time, and times are shown in Beijing time.
    await visit(page, 'admin', 'audit-day', '/admin/audit?from=2021-11-02&to=2021-11-02');
    const times = await page
      .locator('[data-testid=audit-table] tbody tr.ant-table-row td:nth-child(2)')
      .allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^2021-11-02 \d{2}:\d{2}:\d{2}$/);

    // The English switch changes the chrome.
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.locator('.app-sider').textContent()).toContain('Overview');
    await shoot(page, 'admin', 'audit-en');
    await page.click('[data-testid=lang-switch]');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('inspector: lagging tables, compliance matrix, records a finding and closes it', async () => {
    const { context, page, problems } = await session('inspector');
    expect(new URL(page.url()).pathname).toBe('/inspect');
    await settle(page);
    const byCounty = await getJson<Breakdown>(page, suite.server.base, '/api/progress/breakdown?by=county&indicator=T');
    for (const r of byCounty.rows.filter((x) => x.lagging))
      expect(await dataValue(page, `lag-county-${r.code}`), r.name).toBe(String(r.actual));
    await shoot(page, 'inspector', 'inspect');

    // Every table exports to .xlsx in the browser (exceljs loaded on demand).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=lagging-county]').getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    await visit(page, 'inspector', 'inspect-compliance', '/inspect?tab=compliance');
    const compliance = await getJson<{ total: { onTimeRate: number | null } }>(
      page,
      suite.server.base,
      '/api/compliance',
    );
    expect(Number(await dataValue(page, 'compliance-ontime'))).toBeCloseTo(compliance.total.onTimeRate ?? 0, 10);

    await visit(page, 'inspector', 'inspect-findings', '/inspect?tab=findings');
    await page.click('[data-testid=finding-create]');
    const modal = page.locator('.ant-modal');
    await modal.locator('.ant-select').nth(0).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '三江侗族自治县' })
      .click();
    // 督查期间 is picked from the campaign's quarters, not typed (issue #13 point 10).
    await modal.locator('.ant-select').nth(2).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '2021年第四季度' })
      .click();
    await modal.locator('textarea').nth(0).fill('三江县补贴性培训完成率落后时序进度 30 个百分点以上');
    await modal.locator('textarea').nth(1).fill('制定追赶计划，按月报送进度');
    await modal.locator('input[type=date]').fill('2022-03-31');
    // A double click on 保存 records the finding once.
    await modal.locator('.ant-btn-primary').dblclick();
    await expect
      .poll(
        async () => (await getJson<{ id: number; status: string }[]>(page, suite.server.base, '/api/findings')).length,
      )
      .toBe(1);
    await expect
      .poll(() => page.locator('[data-testid=findings-panel] tbody tr').filter({ hasText: '三江侗族自治县' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await shoot(page, 'inspector', 'inspect-findings-open');
    const recorded = await getJson<{ period: string }[]>(page, suite.server.base, '/api/findings');
    expect(recorded.map((f) => f.period)).toEqual(['2021-Q4']);
    expect(await page.locator('[data-testid=findings-panel] tbody tr.ant-table-row').textContent()).toContain(
      '2021年第四季度',
    );
    // The county answers it and the inspector closes it: see the county user's test below.

    await visit(page, 'inspector', 'overview', '/overview');
    await expectTargetsMatchApi(page);
    await visit(page, 'inspector', 'map', '/map');
    await visit(page, 'inspector', 'drill', '/drill');
    await visit(page, 'inspector', 'bulletin', '/bulletin');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('reporter (rsj): workspace, live grid checks and a new version, allocations, overview', async () => {
    // On the demo's day (2021-11-05) which departments have a month awaiting review depends on the draws:
    // the office's queue names one, and its reporter does the round.
    const office = await session('admin');
    const queue = await getJson<ReportMonth[]>(
      office.page,
      suite.server.base,
      '/api/reports?status=submitted,returned',
    );
    await office.context.close();
    const dept = (queue.find((m) => m.department === 'RSJ') ?? queue.at(-1))?.department;
    if (!dept) throw new Error('no report awaits review in the demo');
    const { context, page, problems } = await session(dept.toLowerCase());
    expect(new URL(page.url()).pathname).toBe('/workspace');
    await settle(page);
    const months = await getJson<ReportMonth[]>(page, suite.server.base, `/api/reports?department=${dept}`);
    for (const m of months.slice(-3)) expect(await dataValue(page, `ws-status-${m.month}`), m.month).toBe(m.status);
    await shoot(page, 'rsj', 'workspace');
    // The status filter lists names, not codes (issue #13 point 5).
    await page.locator('[data-testid=workspace-months] .ant-table-filter-trigger').first().click();
    const filterMenu = page.locator('.ant-dropdown:visible .ant-dropdown-menu-title-content');
    await expect.poll(async () => (await filterMenu.allTextContents()).join(' ')).toContain('已逾期');
    const filters = await filterMenu.allTextContents();
    expect(filters.join(' ')).not.toMatch(/not_due|overdue|submitted/);
    await page.keyboard.press('Escape');

    const open = months.filter((m) => m.status === 'submitted' || m.status === 'returned').at(-1);
    if (!open) throw new Error(`no open month for ${dept}`);
    const before = await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${dept}/${open.month}`);
    await visit(page, 'rsj', 'report-entry', `/reports/${dept}/${open.month}?tab=entry`);
    const cell = page.locator('#cell-450202-E1');
    await cell.fill(String((before.rows.find((r) => r.county === '450202')?.values.E1 ?? 0) + 5));
    // Subtotals are computed as the part is typed (issue #13), so the form stays consistent.
    await shoot(page, 'rsj', 'report-entry-errors');
    await expect.poll(() => page.locator('[data-testid=grid-check]').textContent()).toContain('校验通过');
    await page.click('[data-testid=grid-submit]');
    await expect
      .poll(
        async () =>
          (await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${dept}/${open.month}`)).version,
      )
      .toBe(before.version + 1);
    const after = await getJson<ReportVersion>(page, suite.server.base, `/api/reports/${dept}/${open.month}`);
    expect(after.totals.T).toBe((before.totals.T ?? 0) + 5);
    await settle(page);
    expect(await dataValue(page, 'report-total-T')).toBe(String(after.totals.T));

    // An old version looks old: its own number in the header and a 历史版本 banner (issue #13 point 8).
    await visit(page, 'rsj', 'report-old-version', `/reports/${dept}/${open.month}?v=${before.version}`);
    expect(await dataValue(page, 'report-version')).toBe(String(before.version));
    expect(await page.locator('[data-testid=old-version]').textContent()).toContain(String(after.version));
    expect(await dataValue(page, 'report-total-T')).toBe(String(before.totals.T));

    await visit(page, 'rsj', 'report-versions', `/reports/${dept}/${open.month}?tab=versions`);
    // A version's source is named, not coded (issue #13 point 5).
    expect(await page.locator('[data-testid=versions-panel], .ant-table').first().textContent()).not.toContain('demo');
    expect(await page.locator('[data-testid=diff-count]').textContent()).toMatch(/共 [1-9]\d* 个单元格有变化/);
    expect(await page.locator('td.cell-changed').count()).toBeGreaterThan(0);

    // A file the server cannot read comes back with the error shown, not a crash.
    await page.goto(`${suite.server.base}/reports/${dept}/${open.month}?tab=upload`);
    await settle(page);
    await page.setInputFiles('input[type=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('县区,T\n不存在的县,abc\n'),
    });
    await expect.poll(() => page.locator('[data-testid=upload-error]').count(), { timeout: 15_000 }).toBe(1);
    // Broken rules come back as 422 details, each shown against its county and column.
    await page.setInputFiles('input[type=file]', {
      name: 'sums.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('县区,T,E,K\n三江,10,3,3\n'),
    });
    await expect
      .poll(() => page.locator('[data-testid=upload-problems] tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid=upload-problems]').textContent()).toContain('补贴性培训合计(T)');
    await shoot(page, 'rsj', 'report-upload-error');

    await visit(page, 'rsj', 'allocations', '/allocations');
    const alloc = await getJson<{ sum: number }>(
      page,
      suite.server.base,
      `/api/allocations?target=T&department=${dept}`,
    );
    expect(await dataValue(page, 'allocation-sum')).toBe(String(alloc.sum));
    await visit(page, 'rsj', 'overview', '/overview');
    await expectTargetsMatchApi(page);
    expect(await page.locator('[data-testid=ranking-county]').count()).toBe(0);
    expect(await page.locator('.app-sider a').allTextContents()).toEqual([
      '总览',
      '花名册核对',
      '填报工作台',
      '培训班列表',
      '花名册上传',
      '目标分解',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('county user (sanjiang): own county drill-down and the city overview only', async () => {
    const { context, page, problems } = await session('sanjiang');
    expect(new URL(page.url()).pathname).toBe('/drill/county/450226');
    await settle(page);
    const depts = await getJson<Breakdown>(
      page,
      suite.server.base,
      '/api/progress/breakdown?by=department&county=450226&indicator=T',
    );
    for (const r of depts.rows)
      expect(await dataValue(page, `drill-dept-actual-${r.code}`), r.name).toBe(String(r.actual));
    await shoot(page, 'sanjiang', 'drill-county');

    await page.locator('[data-testid=drill-departments]').getByRole('link', { name: '市工业和信息化局' }).click();
    await page.waitForURL('**/drill/county/450226/department/GXJ');
    await settle(page);
    await shoot(page, 'sanjiang', 'drill-county-department');
    await page.locator('[data-testid=drill-months]').getByRole('link').first().click();
    await page.waitForURL('**/reports/GXJ/**');
    await settle(page);
    const month = new URL(page.url()).pathname.split('/').at(-1);
    const report = await getJson<ReportVersion>(page, suite.server.base, `/api/reports/GXJ/${month}`);
    expect(report.rows.map((r) => r.county)).toEqual(['450226']);
    expect(await dataValue(page, 'report-total-T')).toBe(String(report.totals.T));
    await shoot(page, 'sanjiang', 'report');

    // The city level and other counties stay closed.
    await page.goto(`${suite.server.base}/drill/county/450203`);
    await page.waitForURL('**/drill/county/450226');
    await visit(page, 'sanjiang', 'overview', '/overview');
    await expectTargetsMatchApi(page);
    await page.goto(`${suite.server.base}/map`);
    await expect.poll(() => page.locator('text=403').count()).toBeGreaterThan(0);
    expect(await page.locator('.app-sider a').allTextContents()).toEqual([
      '总览',
      '逐级查看',
      '督查整改',
      '培训班列表',
    ]);

    // The finding the inspector recorded about 三江 reaches the county, which answers it (issue #13 point 10).
    await visit(page, 'sanjiang', 'findings', '/findings');
    const [finding] = await getJson<{ id: number }[]>(page, suite.server.base, '/api/findings');
    if (!finding) throw new Error('the inspector’s finding did not reach the county');
    await page.click(`[data-testid=finding-respond-${finding.id}]`);
    await page.locator('.ant-modal textarea').fill('已制定追赶计划，12 月起按周调度培训进度');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect
      .poll(() => page.locator(`[data-testid=finding-response-${finding.id}]`).textContent())
      .toContain('已制定追赶计划');
    await shoot(page, 'sanjiang', 'findings-answered');
    expect(problems).toEqual([]);
    await context.close();

    // The inspector sees the answer beside the finding and closes it; the closing records who closed it.
    const inspector = await session('inspector');
    await visit(inspector.page, 'inspector', 'inspect-findings-answered', '/inspect?tab=findings');
    expect(await inspector.page.locator(`[data-testid=finding-response-${finding.id}]`).textContent()).toContain(
      'sanjiang',
    );
    await inspector.page.locator('[data-testid=findings-panel] tbody tr.ant-table-row').getByRole('button').click();
    await inspector.page.locator('.ant-modal textarea').fill('已制定追赶计划并落实');
    await inspector.page.locator('.ant-modal .ant-btn-primary').click();
    await expect
      .poll(
        async () =>
          (
            await getJson<{ status: string; closedBy: string }[]>(inspector.page, suite.server.base, '/api/findings')
          )[0],
      )
      .toMatchObject({ status: 'closed', closedBy: 'inspector' });
    expect(inspector.problems).toEqual([]);
    await inspector.context.close();
  }, 240_000);

  it('is readable on a phone: the menu collapses and the overview stacks', async () => {
    const context = await newContext(suite.browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await login(page, suite.server.base, 'leader');
    await settle(page);
    expect(await page.locator('.app-sider').evaluate((el) => el.getBoundingClientRect().width)).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(screenshotDir, 'leader-overview-phone.png') });
    await page.getByRole('button', { name: 'open menu' }).click();
    await expect
      .poll(() => page.locator('.app-sider').evaluate((el) => el.getBoundingClientRect().width))
      .toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('the login page rejects a wrong password with a message', async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`${suite.server.base}/login`);
    await settle(page);
    // Asking whether anyone is signed in is not a failed request.
    expect(consoleErrors).toEqual([]);
    await page.fill('#login-username', 'leader');
    await page.fill('#login-password', 'wrong-password');
    await page.click('[data-testid=login-submit]');
    await expect.poll(() => page.locator('[data-testid=login-error]').count()).toBe(1);
    await shoot(page, 'anonymous', 'login');
    await context.close();
  }, 60_000);
});
