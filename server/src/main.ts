/**
 * The server process: reads the environment, opens and migrates the database, makes sure an admin
 * exists, seeds demo data when DEMO=1, and serves the API under /api and the built web app at /.
 *
 *   PORT (default 3000), HOST (default 127.0.0.1), DATABASE_URL (postgres://… runs on PostgreSQL; without it
 *   the SQLite file DB_PATH, default var/liuzhou.sqlite),
 *   ADMIN_PASSWORD (ensure an `admin` account with this password), DEMO=1 (seed demo data and accounts),
 *   CAMPAIGN_DIR (the campaign's reference data, default data/campaigns/liuzhou-2019-2021),
 *   PUBLIC_ORIGIN (comma-separated origins browsers use, e.g. https://px.liuzhou.gov.cn; default: this
 *   machine's loopback names on PORT).
 *   SESSION_IDLE_MINUTES (default 30), TRUST_PROXY=1 (client address from X-Forwarded-For, behind a proxy).
 *   DEMO_DATE (with DEMO=1: the day the demo plays, default 2021-11-05 09:00 Liuzhou; `real` for today).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { serve } from '@hono/node-server';
import { passwordPolicyText, passwordProblem } from '@lz/shared/password-policy';
import { createApp } from './app';
import { defaultCampaignDir, loadCatalogue, repoRoot } from './catalogue';
import { closeDatabase, isPostgresUrl, openDatabase } from './db/open-database';
import { syncReferenceData } from './db/reference-sync';
import { findUserByName } from './db/user-store';
import { defaultConfig, systemClock, type Clock, type Deps } from './deps';
import { DEFAULT_DEMO_DATE, demoClock } from './demo/demo-clock';
import { seedDemo, DEMO_ACCOUNTS } from './demo/seed-demo';
import { loadDisclosureSecret } from './disclosure/wiring/disclosure-secret';
import { sharedReadPool } from './import/read-isolated';
import { ensureAdmin } from './services/auth/users';
import { createFigures } from './services/progress/figures';
import { checkPiiKey, piiKeyFor, seedTrainingCatalogue } from './services/realname/open-realname';

/** The demo plays a day inside its campaign (DEMO_DATE, or `real` for the system clock); production is real. */
function chooseClock(): Clock {
  if (process.env.DEMO !== '1' || process.env.DEMO_DATE === 'real') return systemClock;
  return demoClock(process.env.DEMO_DATE || DEFAULT_DEMO_DATE);
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const dbPath = databaseUrl();
  const webDist = join(repoRoot, 'web/dist');
  const catalogue = loadCatalogue(resolve(process.env.CAMPAIGN_DIR ?? defaultCampaignDir));
  const db = await openDatabase(dbPath);
  const disclosureKey = isPostgresUrl(dbPath) ? null : `${dbPath}.disclosure-key`;
  const disclosure = loadDisclosureSecret(process.env.DISCLOSURE_SECRET, disclosureKey);
  if (disclosure.source === 'process')
    console.log('disclosure: no DISCLOSURE_SECRET, objection forms are signed with a key for this process only');
  await syncReferenceData(db, catalogue);
  const clock = chooseClock();
  // A wrong or lost personal-data key refuses the start (PiiKeyError) before anything is served.
  const pii = await checkPiiKey(db, piiKeyFor(dbPath), clock.now());
  await seedTrainingCatalogue(db, catalogue, clock.now());
  const deps: Deps = {
    db,
    catalogue,
    clock,
    pii,
    config: {
      ...defaultConfig,
      secureCookies: process.env.SECURE_COOKIES === '1',
      sessionIdleMinutes: idleMinutes(process.env.SESSION_IDLE_MINUTES),
      trustProxy: process.env.TRUST_PROXY === '1',
      webDist,
      allowedOrigins: publicOrigins(),
      disclosureSecret: disclosure.secret,
    },
    figures: createFigures(db, catalogue),
  };

  if (process.env.ADMIN_PASSWORD) await ensureAdmin(deps, process.env.ADMIN_PASSWORD);
  if (process.env.DEMO === '1') {
    const seeded = await seedDemo(deps);
    if (seeded)
      console.log(
        `demo data: ${seeded.reports} reports, ${seeded.versions} versions written through the submission service`,
      );
  }
  if (!(await findUserByName(db, 'admin'))) await firstRunAdmin(deps);

  // Load every report's figures into memory now, so the first dashboard request does not pay for it.
  const t0 = performance.now();
  const store = await deps.figures.store();
  const versions = store.reports.reduce((n, r) => n + (r?.length ?? 0), 0);
  console.log(`figures of ${versions} report versions loaded in ${Math.round(performance.now() - t0)} ms`);

  const app = createApp(deps);
  // Start the upload readers now (each loads exceljs), so the first upload does not wait for them.
  sharedReadPool().warm();
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    // Without PUBLIC_ORIGIN the app answers to its own address; the port is known only now (PORT=0 picks one).
    if (deps.config.allowedOrigins.length === 0) deps.config.allowedOrigins.push(...loopbackOrigins(host, info.port));
    console.log(`accepted origins: ${deps.config.allowedOrigins.join(', ')}`);
    console.log(`柳州市职业技能提升行动统计监测平台 listening on http://${host}:${info.port}/`);
    console.log(`database: ${dbPath.replace(/\/\/[^@/]*@/, '//')}`);
    if (deps.clock.demo) console.log(`demo clock: ${deps.clock.now().toISOString()} (moving at real speed)`);
    if (process.env.DEMO === '1') {
      console.log('demo logins (user / password):');
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.password}   ${a.label}`);
    }
    // The app is served from web/dist as it is on each request, so building it later needs no restart.
    if (!existsSync(join(webDist, 'index.html')))
      console.log('web app not built yet: / answers 503 until `pnpm --filter @lz/web build`');
  });
  const stop = () => {
    server.close();
    void closeDatabase(db).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** DATABASE_URL when it names PostgreSQL, else the SQLite file (DB_PATH). */
function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url && isPostgresUrl(url)) return url;
  return resolve(process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
}

/** PUBLIC_ORIGIN as lower-case origins, each checked to be scheme://host[:port] with nothing after. */
function publicOrigins(): string[] {
  const listed = (process.env.PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return listed.map((o) => {
    const url = new URL(o);
    if (url.origin === 'null' || url.pathname !== '/' || url.search)
      throw new Error(`PUBLIC_ORIGIN: ${o} is not an origin (scheme://host[:port])`);
    return url.origin.toLowerCase();
  });
}

function loopbackOrigins(host: string, port: number): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (!['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(host))
    names.unshift(host.includes(':') ? `[${host}]` : host);
  else if (host === '0.0.0.0' || host === '::') {
    console.warn(
      'HOST listens on every interface: set PUBLIC_ORIGIN to the address users type, or only loopback names ' +
        'are answered.',
    );
  }
  return names.map((n) => `http://${n}:${port}`);
}

/** A typo must not silently turn the idle timeout off (NaN) or make every session end at once. */
function idleMinutes(value: string | undefined): number {
  if (value === undefined || value === '') return defaultConfig.sessionIdleMinutes;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1)
    throw new Error(`SESSION_IDLE_MINUTES must be a number of minutes ≥ 1, not "${value}"`);
  return n;
}

/** No default password anywhere: without ADMIN_PASSWORD the first run asks for one on a terminal. */
async function firstRunAdmin(deps: Deps) {
  if (!process.stdin.isTTY) {
    console.warn(`No admin account. Set ADMIN_PASSWORD=... (${passwordPolicyText}) and restart to create one.`);
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const pw = await rl.question(`首次运行：请设置 admin 账号密码（${passwordPolicyText}）: `);
    const problem = passwordProblem(pw, 'admin');
    if (!problem) {
      await ensureAdmin(deps, pw);
      console.log('admin 账号已创建');
      break;
    }
    console.log(problem);
  }
  rl.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
