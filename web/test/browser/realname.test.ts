/**
 * 实名制 (#15) against the real server: a reporter's roster file is stored with its contribution, a bad one is
 * refused at its cells with nothing stored, the inspector adjudicates a flag (confirm → a 督查 finding), looks a
 * person up (masked) and reads the same reconciliation difference as the API. Every page is screenshotted for
 * each role at 1366×768 and 390×844 (SHOTS_DIR, default /tmp/shots15) with no error panel on it.
 */
import { mkdirSync } from 'node:fs';
import type { Reconciliation, RosterCreated, StoredFlag } from '@lz/shared/api/rosters';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { idOf } from '../../../server/test/realname/roster-fixtures';
import { type Line, rosterXlsx } from '../../../server/test/realname/roster-files';
import { browserAvailability, errorPanels, getJson, settle, shootScreens, signedIn, serverAndBrowser } from './harness';

const { run } = browserAvailability();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots15';

// Two trainees of an 电工 class in March 2020 (the file's header names 市人社局 and its institution).
const a = idOf('19900307', '123');
const b = idOf('19851120', '064', '450225');
const lines: Line[] = [
  [1, '韦小强', '男', a, '农村转移就业劳动者', '否', '13812345678', '职业技能等级证书', 'S0001', 1700, 0, 150],
  [2, '覃丽', '女', b, '下岗失业人员', '是', '13977001122', '职业技能等级证书', 'S0002', 1700, 500, 150],
];
const total: Line = ['合计（2人）', '', '', '', '', '', '', '', '', 3400, 500, 300];

describe.skipIf(!run)('实名制 pages', () => {
  const suite = serverAndBrowser();
  let created: RosterCreated | null = null;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
  }, 150_000);

  async function upload(page: Page, bytes: Uint8Array, name: string): Promise<void> {
    await page.goto(`${suite.server.base}/rosters/upload`);
    await settle(page);
    await page.setInputFiles('[data-testid=roster-upload] input[type=file]', {
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
  }

  const textOf = async (page: Page, testId: string) =>
    ((await page.locator(`[data-testid="${testId}"]`).first().textContent()) ?? '').replace(/[,\s¥元]/g, '');

  it('a reporter uploads a roster file and sees its contribution', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'rsj');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/rosters/file'));
    await upload(page, await rosterXlsx(lines, total), '电工花名册.xlsx');
    const res = await response;
    expect(res.status(), await res.text()).toBe(201);
    created = (await res.json()) as RosterCreated;
    await page.locator('[data-testid=roster-created]').waitFor({ timeout: 20_000 });
    // 韦小强 counts in K1, 覃丽 in K4 (下岗失业) and X1 (poor); both certified (X3); subsidies summed in yuan.
    expect(await textOf(page, 'contribution-K1')).toBe('1');
    expect(await textOf(page, 'contribution-K4')).toBe('1');
    expect(await textOf(page, 'contribution-X3')).toBe('2');
    expect(await textOf(page, 'contribution-F1')).toContain('3400');
    expect(await page.textContent('body')).not.toContain(a);
    await page.context().close();
  }, 90_000);

  it('a bad roster shows every problem at its cell and nothing is stored', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'rsj');
    const before = await getJson<{ total: number }>(page, suite.server.base, '/api/rosters?pageSize=1');
    const bad = `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'}`;
    // A second trainee not in the stored roster: 覃丽 again would be refused too, for training twice at once.
    const other = idOf('19880512', '072', '450225');
    const broken: Line[] = [
      [1, '韦小强', '男', bad, ...lines[0]!.slice(4)],
      [2, '覃丽', '女', other, ...lines[1]!.slice(4)],
    ];
    await upload(page, await rosterXlsx(broken, [...total.slice(0, 9), 9999, 500, 300]), '有误.xlsx');
    await page.locator('[data-testid=roster-problems]').waitFor({ timeout: 20_000 });
    const cells = await page.$$eval('[data-testid=roster-problem-cell]', (els) => els.map((e) => e.dataset.cell));
    // Row 6 is the first trainee (title, three header lines, column names), row 9 the 合计 line; D the ID, J 培训补贴.
    expect(cells).toEqual(['D6', 'J9']);
    await expect.poll(() => page.locator('[data-testid=roster-upload-error]').isVisible()).toBe(true);
    expect((await getJson<{ total: number }>(page, suite.server.base, '/api/rosters?pageSize=1')).total).toBe(
      before.total,
    );
    await page.context().close();
  }, 90_000);

  it('the inspector sees a flag with its evidence and confirms it: a finding appears', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'inspector');
    const open_ = await getJson<StoredFlag[]>(page, suite.server.base, '/api/flags?status=open');
    expect(open_.length).toBeGreaterThan(0);
    const flag = open_[0]!;
    await page.goto(`${suite.server.base}/flags`);
    await settle(page);
    const card = page.locator(`[data-testid="flag-${flag.id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(flag.message);
    await page.fill(`[data-testid="flag-note-${flag.id}"]`, '经电话回访核实，学员未参加培训');
    await page.click(`[data-testid="flag-confirm-${flag.id}"]`);
    await expect
      .poll(
        async () =>
          (await getJson<StoredFlag[]>(page, suite.server.base, '/api/flags')).find((f) => f.id === flag.id)?.status,
      )
      .toBe('confirmed');
    const stored = (await getJson<StoredFlag[]>(page, suite.server.base, '/api/flags')).find((f) => f.id === flag.id)!;
    expect(stored.findingId).not.toBeNull();
    const findings = await getJson<{ id: number }[] | { items: { id: number }[] }>(
      page,
      suite.server.base,
      '/api/findings',
    );
    const list = Array.isArray(findings) ? findings : findings.items;
    expect(list.map((f) => f.id)).toContain(stored.findingId);
    await page.context().close();
  }, 90_000);

  it('the inspector looks a person up: the answer masked, no full ID on the page', async () => {
    expect(created, 'the upload test stores the roster this person is in').not.toBeNull();
    const page = await signedIn(suite.browser, suite.server.base, 'inspector');
    await page.goto(`${suite.server.base}/people`);
    await settle(page);
    await page.fill('[data-testid=people-id-number]', a);
    await page.click('[data-testid=people-lookup]');
    await page.locator('[data-testid=people-result]').waitFor({ timeout: 20_000 });
    const masked = (await page.textContent('[data-testid=people-masked-id]')) ?? '';
    expect(masked).not.toBe(a);
    expect(masked.endsWith(a.slice(-4))).toBe(true);
    await page.fill('[data-testid=people-id-number]', '');
    expect(await page.textContent('body')).not.toContain(a);
    expect(await page.locator(`[data-testid=people-trainings] a[href="/rosters/${created!.id}"]`).count()).toBe(1);
    await page.context().close();
  }, 90_000);

  it('reconciliation for a department × month shows the difference GET /api/reconciliation answers', async () => {
    const page = await signedIn(suite.browser, suite.server.base, 'inspector');
    const month = created?.contributes.month ?? '2020-03';
    const rec = await getJson<Reconciliation>(
      page,
      suite.server.base,
      `/api/reconciliation?department=RSJ&month=${month}`,
    );
    await page.goto(`${suite.server.base}/reconciliation?month=${month}&department=RSJ`);
    await settle(page);
    const d = rec.summary.personTimes.difference;
    const expected = d === null ? '—' : `${d > 0 ? '+' : ''}${d}`;
    expect(await textOf(page, 'rec-diff-RSJ')).toBe(expected);
    await page.context().close();
  }, 90_000);

  it.each(['admin', 'inspector', 'rsj', 'sanjiang'])(
    '%s: every 实名制 page without an error panel',
    async (user) => {
      const page = await signedIn(suite.browser, suite.server.base, user);
      const paths = ['/rosters', '/rosters/upload', '/flags', '/people', '/reconciliation'];
      // The roster is 市人社局's in 鱼峰区: a county user of 三江 is told it does not exist, as it should be.
      if (created && user !== 'sanjiang') paths.push(`/rosters/${created.id}`);
      for (const path of paths) {
        await page.goto(`${suite.server.base}${path}`);
        await settle(page);
        await shootScreens(page, SHOTS, `${user}-${path.replace(/\//g, '_').replace(/^_/, '') || 'home'}`);
        expect(await errorPanels(page), `${user} ${path}`).toEqual([]);
        // No raw codes on screen: flag kinds and error codes are named in Chinese.
        expect(await page.textContent('body')).not.toMatch(/retirement-age|shared-phone|not-approved|roster_refused/);
      }
      await page.context().close();
    },
    180_000,
  );
});
