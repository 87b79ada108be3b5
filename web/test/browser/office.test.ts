/**
 * The statistics office's comforts in a browser (issue #13, part c): 催报 from the 已逾期 queue reaching the
 * department's workspace and header, batch accept offered, the audit log in words, user search, an unknown
 * report that says so without 重试 (the offline message is checked in web/test/unit/error-view.test.ts).
 * One server start; screenshots at 1366×768 and 390×844 in /tmp/shots13c (SHOTS13C to change).
 */
import type { ReportMonth } from '@lz/shared/api/reports';
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, settle, shootScreens, signedIn, serverAndBrowser } from './harness';

const { run } = browserAvailability();
const shots = process.env.SHOTS13C ?? '/tmp/shots13c';

describe.skipIf(!run)('the statistics office in a browser', () => {
  const suite = serverAndBrowser();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
  }, 150_000);

  it('催报 reaches the late department; batch accept, audit names, user search, errors', async () => {
    const admin = await signedIn(suite.browser, suite.server.base, 'admin');
    const overdue = (await (
      await admin.request.get(`${suite.server.base}/api/reports?status=overdue`)
    ).json()) as ReportMonth[];
    const late = overdue.find((r) => r.department !== 'RSJ') ?? overdue[0];
    expect(late, 'the demo has late reports').toBeTruthy();
    if (!late) return;

    await admin.goto(`${suite.server.base}/review?status=overdue&department=${late.department}`);
    await settle(admin);
    const row = admin.locator('[data-testid=review-list] tbody tr.ant-table-row', { hasText: late.month.slice(0, 4) });
    await row.first().locator('[data-testid=remind-one]').click();
    await expect.poll(() => admin.locator('[data-testid=review-list]').textContent()).toContain('1 次');
    await shootScreens(admin, shots, 'review-overdue-reminded');

    // The department sees it in the header on every page and in its workspace.
    const reporter = await signedIn(suite.browser, suite.server.base, late.department.toLowerCase());
    await reporter.goto(`${suite.server.base}/workspace`);
    await settle(reporter);
    await expect.poll(() => reporter.locator('[data-testid=reminder-bell]').textContent()).toContain('催报');
    expect(await reporter.locator('[data-testid=reminder-notice]').textContent()).toContain('催报');
    await shootScreens(reporter, shots, 'workspace-reminded');

    // Batch accept is offered for submitted reports without warnings.
    await admin.goto(`${suite.server.base}/review?status=submitted`);
    await settle(admin);
    expect(await admin.locator('[data-testid=batch-accept]').textContent()).toMatch(/批量通过无警告报表（\d+）/);
    await shootScreens(admin, shots, 'review-batch-accept');

    // The audit log names the reminder in Chinese and filters by choosing from lists.
    await admin.goto(`${suite.server.base}/admin/audit?action=report.remind`);
    await settle(admin);
    expect(await admin.locator('[data-testid=audit-table]').textContent()).toContain('催报');
    expect(await admin.locator('[data-testid=audit-filter-action]').textContent()).toContain('催报');
    await shootScreens(admin, shots, 'audit-reminders');

    // Users: search narrows the list; the last login is shown.
    await admin.goto(`${suite.server.base}/admin/users`);
    await settle(admin);
    await admin.fill('input[data-testid=user-search], [data-testid=user-search] input', 'sanjiang');
    await expect.poll(() => admin.locator('[data-testid=users-table] tbody tr.ant-table-row').count()).toBe(1);
    await admin.fill('input[data-testid=user-search], [data-testid=user-search] input', 'admin');
    expect(await admin.locator('[data-testid=users-table]').textContent()).toContain('最近登录');
    await shootScreens(admin, shots, 'users-search');

    // History import offers a sample file.
    await admin.goto(`${suite.server.base}/admin/import`);
    await settle(admin);
    expect(await admin.getAttribute('[data-testid=import-sample]', 'href')).toBe('/api/reports/import/sample.xlsx');

    // An unknown department or month says so, with no 重试.
    await admin.goto(`${suite.server.base}/reports/XXX/2099-01`);
    await settle(admin);
    const error = admin.locator('[data-state=error]').first();
    await expect.poll(() => error.textContent()).toContain('未知的责任单位代码 XXX');
    expect(await error.locator('button', { hasText: '重试' }).count()).toBe(0);
    await shootScreens(admin, shots, 'report-unknown');
  }, 90_000);
});
