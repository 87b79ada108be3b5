/**
 * Leaders and inspectors (issue #13): a missing report shows 未报, the heatmap opens a county as of a month and
 * is reachable from the keyboard, compliance rates follow the chosen year, and the bulletin carries its issue
 * number and a note on reports not yet accepted. Screenshots at 1366×768 and 390×844 in /tmp/shots13b/.
 */
import type { Compliance, Series } from '@lz/shared/api/progress';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { browserAvailability, dataValue, getJson, settle, shootScreens, signedIn, serverAndBrowser } from './harness';

const { run } = browserAvailability();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots13b';

describe.skipIf(!run)('leaders and inspectors', () => {
  const suite = serverAndBrowser();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
  }, 150_000);

  it('leader: 未报 months, heatmap by keyboard to a county and month, the bulletin', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'leader');

    // A county × department month with no report says 未报, not 0.
    let found: { county: string; department: string; month: string } | null = null;
    const catalogue = await getJson<{ departments: { code: string; owesReports: boolean }[] }>(
      page,
      suite.server.base,
      '/api/catalogue',
    );
    const owing = catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
    for (const department of owing.slice(0, 8)) {
      const s = await getJson<Series>(
        page,
        suite.server.base,
        `/api/series?indicator=T&county=450202&department=${department}`,
      );
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
      await page.goto(`${suite.server.base}/drill/county/${found.county}/department/${found.department}`);
      await settle(page);
      const cell = page.locator(`[data-testid="month-value-${found.month}"]`);
      await cell.scrollIntoViewIfNeeded().catch(() => undefined);
      expect(await cell.textContent()).toBe('未报');
      await shootScreens(page, SHOTS, 'drill-county-department');
    }

    // The heatmap's table: a keyboard reaches a county × month and lands on that county as of that month.
    await page.goto(`${suite.server.base}/`);
    await settle(page);
    await shootScreens(page, SHOTS, 'overview');
    const table = page.locator('[data-testid=county-heatmap-table]');
    await table.locator('summary').focus();
    await page.keyboard.press('Enter');
    const link = table.getByRole('link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/drill\/county\/\d+\?.*month=\d{4}-\d{2}/u);
    await settle(page);
    await shootScreens(page, SHOTS, 'drill-county-month');

    // The bulletin: an issue number from its month and a note on counted reports not yet accepted.
    await page.goto(`${suite.server.base}/bulletin`);
    await settle(page);
    expect(await page.locator('[data-testid=bulletin-issue]').textContent()).toMatch(/^\d{4}年第\d{1,2}期$/u);
    expect(await page.locator('[data-testid=bulletin-unaccepted]').textContent()).toMatch(/^注：/u);
    await shootScreens(page, SHOTS, 'bulletin');
  }, 60_000);

  it('inspector: with 2021 chosen the headline rate is 2021’s', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'inspector');
    const year = await getJson<Compliance>(page, suite.server.base, '/api/compliance?from=2021-01&to=2021-12');
    await page.goto(`${suite.server.base}/inspect?tab=compliance&year=2021`);
    await settle(page);
    expect(await dataValue(page, 'compliance-ontime')).toBe(String(year.total.onTimeRate ?? ''));
    await shootScreens(page, SHOTS, 'inspect-compliance-2021');
  }, 40_000);
});
