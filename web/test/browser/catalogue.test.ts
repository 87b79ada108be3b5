/**
 * 目录清单 (#15) against the real server: the admin lowers a training project's subsidy standard on 培训项目目录
 * and the next roster above it is flagged; suspends an institution on 培训机构目录 from a stated day and a roster
 * of a class starting after it is refused. Both pages are screenshotted at 1366×768 and 390×844 (SHOTS_DIR).
 */
import type { Institution, RosterCreated, TrainingProjectItem } from '@lz/shared/api/rosters';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idOf, roster, trainee } from '../../../server/test/realname/roster-fixtures';
import { browserAvailability, errorPanels, getJson, settle, shootScreens, signedIn, serverAndBrowser } from './harness';

const { run } = browserAvailability();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots15';
const SCHOOL = '柳州市第二职业技术学校';

describe.skipIf(!run)('目录清单 pages', () => {
  const suite = serverAndBrowser();

  /** A 电工 四级 class at the school in March 2020, one trainee paid 1,700 yuan. */
  const fileRoster = (page: Page, idNumber: string) =>
    page.request.post(`${suite.server.base}/api/rosters`, {
      data: { ...roster({ department: 'RSJ' }, [trainee({ idNumber, trainingSubsidy: 1700 })]) },
      headers: { origin: suite.server.base },
    });

  it('the admin lowers a standard: a roster above the new standard is flagged', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'admin');
    const projects = await getJson<TrainingProjectItem[]>(page, suite.server.base, '/api/training-projects');
    const project = projects.find((p) => p.occupation === '电工' && p.level === '四级/中级工');
    if (!project) throw new Error('电工 四级 missing');
    await page.goto(`${suite.server.base}/admin/training-projects`);
    await settle(page);
    await shootScreens(page, SHOTS, 'catalogue-projects');
    await page.click(`[data-testid=project-edit-${project.id}]`);
    await page.fill('[data-testid=project-subsidy] input, input[data-testid=project-subsidy]', '1500');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/training-projects/${project.id}`));
    await page.click('[data-testid=project-save]');
    expect((await saved).status()).toBe(200);
    await page.locator(`[data-testid=project-subsidy-${project.id}]`).filter({ hasText: '1,500' }).waitFor();
    expect(await errorPanels(page)).toEqual([]);

    const res = await fileRoster(page, idOf('19870512', '357'));
    expect(res.status(), await res.text()).toBe(201);
    const created = (await res.json()) as RosterCreated;
    expect(created.flags.find((f) => f.kind === 'subsidy-above-standard')?.evidence.figures).toMatchObject({
      standard: 1500,
      highest: 1700,
    });
    await page.context().close();
  });

  it('the admin suspends an institution from a day: a roster of a class starting after it is refused', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'admin');
    const list = await getJson<Institution[]>(page, suite.server.base, '/api/institutions');
    const school = list.find((i) => i.name === SCHOOL);
    if (!school) throw new Error(`${SCHOOL} missing`);
    await page.goto(`${suite.server.base}/admin/institutions`);
    await settle(page);
    await shootScreens(page, SHOTS, 'catalogue-institutions');
    await page.click(`[data-testid=institution-status-edit-${school.id}]`);
    await page.click('[data-testid=status-select]');
    await page.click('.ant-select-item-option[title="暂停"]');
    // Under load antd's dropdown can take the click while it is still opening: save only once the choice shows.
    await expect.poll(() => page.locator('[data-testid=status-select]').textContent()).toContain('暂停');
    await page.fill('[data-testid=status-since]', '2020-02-01');
    await page.fill('[data-testid=status-reason]', '年检未通过');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/institutions/${school.id}`));
    await page.click('[data-testid=status-save]');
    const answer = await saved;
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as Institution).status).toBe('暂停');
    const cell = page.locator(`[data-testid=institution-status-${school.id}]`);
    await cell.filter({ hasText: '暂停' }).waitFor();
    expect(await cell.textContent()).toContain('2020-02-01');
    await shootScreens(page, SHOTS, 'catalogue-institutions-suspended');

    const res = await fileRoster(page, idOf('19880623', '579'));
    expect(res.status()).toBe(422);
    expect(await res.text()).toContain('自 2020-02-01 起暂停');
    await page.context().close();
  });
});
