/**
 * Browser-test plumbing: the real server (DEMO=1, a temp database, a free port on 127.0.0.1) serving the
 * built web app, and a headless Chromium from the system (no browser download).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const screenshotDir = join(repoRoot, 'test-artifacts/screenshots');
export const DEMO_PASSWORD = 'Liuzhou@2019';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Without Chromium the suite is skipped with a message, unless REQUIRE_BROWSER=1 makes that a failure. */
export function browserAvailability(): { run: boolean; reason?: string } {
  if (hasChromium) return { run: true };
  const install = 'install with: apt-get install -y chromium fonts-wqy-zenhei, or set CHROMIUM_PATH';
  const reason = `Chromium not found at ${chromiumPath} (${install})`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(`[browser tests skipped] ${reason}`);
  return { run: false, reason };
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  base: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `server/src/main.ts` with DEMO=1 on its own copy of the demo database the suite's global setup seeded
 * once (`seed-once.ts`: the same DEMO=1 start, so the same code path), and waits for /api/health. The copy
 * finds its reports already there and does not seed again; without the setup (a file run on its own under
 * another config) the server seeds its fresh database itself.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, 'web/dist/index.html')))
    throw new Error('web/dist is missing: run `pnpm --filter @lz/web build` first (pnpm test:browser does)');
  const dir = mkdtempSync(join(tmpdir(), 'lz-browser-'));
  const seeded = seededDemoDirectory();
  if (seeded) cpSync(seeded, dir, { recursive: true });
  const server = await launchServer(dir, { removeOnStop: true });
  if (seeded && server.log().includes('demo data:'))
    throw new Error(`the seeded copy was seeded again:\n${server.log()}`);
  return server;
}

function seededDemoDirectory(): string | undefined {
  try {
    return inject('seededDemo');
  } catch {
    return undefined; // not under vitest's runner with the global setup
  }
}

/**
 * The server on the database `dir/test.sqlite` (its key files beside it), seeding it if it is empty.
 * `removeOnStop` deletes the folder when the server stops; the global setup keeps its seeded copy.
 */
export async function launchServer(dir: string, opts: { removeOnStop: boolean }): Promise<RunningServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_PATH: join(dir, 'test.sqlite'),
      DEMO: '1',
      ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (opts.removeOnStop) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The real server and a headless Chromium one test file shares: started before its first test (a file's own
 * `beforeAll` runs after this one) and stopped after its last. Tests read `suite.server` and `suite.browser`.
 */
export function serverAndBrowser(): { server: RunningServer; browser: Browser } {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  }, 150_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Problems a page reports on its own: script errors, CSP refusals, server errors, requests leaving the host. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`csp: ${text}`);
    // A 4xx is an answer the page handles (401 before login, 422 for a rejected file); 5xx are caught below.
    else if (m.type() === 'error' && !/status of 4\d\d/.test(text)) problems.push(`console.error: ${text}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`server error ${r.status()}: ${r.url()}`);
    // Signed in, no read is refused as signed out; signed out, the app asks /api/session/current (204), not a 401.
    if (r.status() === 401 && r.request().method() === 'GET') problems.push(`unexpected 401: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('http://127.0.0.1') && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`external request: ${url}`);
  });
  return problems;
}

export async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', DEMO_PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
}

/**
 * Requests each context's pages have sent and not yet seen answered (or fail). Playwright's own
 * `networkidle` waits for 500 ms without a request after the last one, on every page a test opens; the
 * app's requests follow each other within a few milliseconds, so a shorter quiet spell on a count of what
 * is really in flight says the same thing sooner.
 */
const inFlight = new WeakMap<BrowserContext, { open: number; lastChange: number }>();

function trackRequests(context: BrowserContext): void {
  const state = { open: 0, lastChange: performance.now() };
  inFlight.set(context, state);
  const change = (delta: number) => {
    state.open += delta;
    state.lastChange = performance.now();
  };
  context.on('request', () => change(1));
  context.on('requestfinished', () => change(-1));
  context.on('requestfailed', () => change(-1));
}

/** Resolves once nothing has been in flight for `quietMs` (Playwright's `networkidle` for other contexts). */
async function networkQuiet(page: Page, quietMs = 150): Promise<void> {
  const state = inFlight.get(page.context());
  if (!state) return page.waitForLoadState('networkidle');
  const deadline = performance.now() + 30_000;
  while (state.open > 0 || performance.now() - state.lastChange < quietMs) {
    if (performance.now() > deadline) throw new Error(`${state.open} requests still in flight after 30 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Waits until the page's requests are answered, every data panel has left its loading state and every
 * visible chart has drawn (`data-chart` on the canvas, set from ECharts' own `finished` event in echart.tsx;
 * a chart in a hidden tab is not drawn until shown).
 */
export async function settle(page: Page): Promise<void> {
  await networkQuiet(page);
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-state=loading]') &&
      !document.querySelector('.ant-spin-spinning') &&
      [...document.querySelectorAll('[data-chart=drawing]')].every((el) => el.getClientRects().length === 0),
    null,
    { timeout: 30_000 },
  );
}

/** After a change of viewport: the layout has run (two frames) and the resized charts have drawn again. */
async function relaidOut(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await settle(page);
}

/**
 * A full-page screenshot at the page's width. Playwright's own fullPage mode briefly resizes headless
 * Chromium's window to 1×1, which fires the phone breakpoint and collapses the menu mid-capture; growing
 * only the viewport's height keeps the layout the user sees.
 */
export async function shoot(page: Page, role: string, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
    await relaidOut(page);
  }
  await page.screenshot({ path: join(screenshotDir, `${role}-${name}.png`) });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
}

/** Panels that failed to load. */
export async function errorPanels(page: Page): Promise<string[]> {
  return page.$$eval('[data-state=error]', (els) => els.map((e) => e.textContent ?? ''));
}

export async function dataValue(page: Page, testId: string): Promise<string | null> {
  return page.getAttribute(`[data-testid="${testId}"]`, 'data-value');
}

/** The two screens every page is looked at on: an office monitor and a phone. */
export const SCREENS = { wide: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/**
 * A browser context as the tests use one: Chinese, Liuzhou's time zone, the wide screen, and reduced motion
 * (charts drawn without animation, as the app does for a reader who asks for it), unless `options` say
 * otherwise; its requests are counted for `settle`.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: SCREENS.wide,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    ...options,
  });
  trackRequests(context);
  return context;
}

/** A page in a new context (`newContext`'s defaults) signed in as `username`. */
export async function signedIn(browser: Browser, base: string, username: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await login(page, base, username);
  return page;
}

/** `GET path` with the page's session: the JSON answer, or a failed expectation naming the status. */
export async function getJson<T>(page: Page, base: string, path: string): Promise<T> {
  const res = await page.request.get(`${base}${path}`);
  if (!res.ok()) throw new Error(`${path} → ${res.status()}`);
  return (await res.json()) as T;
}

/** What fits on each screen, as `<dir>/<name>-<width>.png`; the page is left on the wide screen. */
export async function shootScreens(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const size of Object.values(SCREENS)) {
    await page.setViewportSize(size);
    await relaidOut(page);
    await page.screenshot({ path: join(dir, `${name}-${size.width}.png`), fullPage: false });
  }
  await page.setViewportSize(SCREENS.wide);
}
