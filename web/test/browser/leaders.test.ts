/**
 * Leaders and inspectors (issue #13): a missing report shows 未报, the heatmap opens a county as of a month and
 * is reachable from the keyboard, compliance rates follow the chosen year, and the bulletin carries its issue
 * number and a note on reports not yet accepted. Screenshots at 1366×768 and 390×844 in /tmp/shots13b/.
 */
import type { Compliance, Series } from '@lz/shared/api/progress';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  browserAvailability,
  dataValue,
  launchBrowser,
  login,
  settle,
  startServer,
  type RunningServer,
} from './harness';

const { run } = browserAvailability();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots13b';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

describe.skipIf(!run)('leaders and inspectors', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: SIZES[0], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await login(page, server.base, username);
    return page;
  }

  async function api<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${server.base}${path}`);
    expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
    return (await res.json()) as T;
  }

  /** The page at both sizes, each a screenshot of what fits on screen. */
  async function shots(page: Page, name: string): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, `${name}-${size.width}.png`), fullPage: false });
    }
    await page.setViewportSize(SIZES[0] as { width: number; height: number });
  }

  it('leader: 未报 months, heatmap by keyboard to a county and month, the bulletin', async () => {
    const page = await open('leader');

    // A county × department month with no report says 未报, not 0.
    let found: { county: string; department: string; month: string } | null = null;
    const catalogue = await api<{ departments: { code: string; owesReports: boolean }[] }>(page, '/api/catalogue');
    const owing = catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
    for (const department of owing.slice(0, 8)) {
      const s = await api<Series>(page, `/api/series?indicator=T&county=450202&department=${department}`);
      // The month table shows the latest twelve months on its first page.
      const missing = s.points
        .filter((p) => p.reports !== null)
        .slice(-12)
        .find((p) => p.reports === 0);
      if (missing) {
        found = { county: '450202', department, month: missing.month };
        break;
      }
    }
    if (found) {
      await page.goto(`${server.base}/drill/county/${found.county}/department/${found.department}`);
      await settle(page);
      const cell = page.locator(`[data-testid="month-value-${found.month}"]`);
      await cell.scrollIntoViewIfNeeded().catch(() => undefined);
      expect(await cell.textContent()).toBe('未报');
      await shots(page, 'drill-county-department');
    }

    // The heatmap's table: a keyboard reaches a county × month and lands on that county as of that month.
    await page.goto(`${server.base}/`);
    await settle(page);
    await shots(page, 'overview');
    const table = page.locator('[data-testid=county-heatmap-table]');
    await table.locator('summary').focus();
    await page.keyboard.press('Enter');
    const link = table.getByRole('link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/drill\/county\/\d+\?.*month=\d{4}-\d{2}/u);
    await settle(page);
    await shots(page, 'drill-county-month');

    // The bulletin: an issue number from its month and a note on counted reports not yet accepted.
    await page.goto(`${server.base}/bulletin`);
    await settle(page);
    expect(await page.locator('[data-testid=bulletin-issue]').textContent()).toMatch(/^\d{4}年第\d{1,2}期$/u);
    expect(await page.locator('[data-testid=bulletin-unaccepted]').textContent()).toMatch(/^注：/u);
    await shots(page, 'bulletin');
  }, 60_000);

  it('inspector: with 2021 chosen the headline rate is 2021’s', async () => {
    const page = await open('inspector');
    const year = await api<Compliance>(page, '/api/compliance?from=2021-01&to=2021-12');
    await page.goto(`${server.base}/inspect?tab=compliance&year=2021`);
    await settle(page);
    expect(await dataValue(page, 'compliance-ontime')).toBe(String(year.total.onTimeRate ?? ''));
    await shots(page, 'inspect-compliance-2021');
  }, 40_000);
});
