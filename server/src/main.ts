/**
 * The server process: reads the environment, opens and migrates the database, makes sure an admin
 * exists, seeds demo data when DEMO=1, and serves the API under /api and the built web app at /.
 *
 *   PORT (default 3000), HOST (default 127.0.0.1), DB_PATH (default var/liuzhou.sqlite),
 *   ADMIN_PASSWORD (ensure an `admin` account with this password), DEMO=1 (seed demo data and accounts),
 *   CAMPAIGN_DIR (the campaign's reference data, default data/campaigns/liuzhou-2019-2021).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { defaultCampaignDir, loadCatalogue, repoRoot } from './catalogue';
import { openDatabase } from './db/open-database';
import { syncReferenceData } from './db/reference-sync';
import { findUserByName } from './db/user-store';
import { defaultConfig, systemClock, type Deps } from './deps';
import { seedDemo, DEMO_ACCOUNTS } from './demo/seed-demo';
import { sharedReadPool } from './import/read-isolated';
import { ensureAdmin } from './services/auth/users';
import { getFactStore } from './services/progress/fact-store';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const dbPath = resolve(process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
  const webDist = join(repoRoot, 'web/dist');
  const catalogue = loadCatalogue(resolve(process.env.CAMPAIGN_DIR ?? defaultCampaignDir));
  const db = openDatabase(dbPath);
  syncReferenceData(db, catalogue);
  const deps: Deps = {
    db,
    catalogue,
    clock: systemClock,
    config: { ...defaultConfig, secureCookies: process.env.SECURE_COOKIES === '1', webDist },
  };

  if (process.env.ADMIN_PASSWORD) await ensureAdmin(deps, process.env.ADMIN_PASSWORD);
  if (process.env.DEMO === '1') {
    const seeded = await seedDemo(deps);
    if (seeded) console.log(`demo data: ${seeded.reports} reports, ${seeded.versions} versions written through the submission service`);
  }
  if (!findUserByName(db, 'admin')) await firstRunAdmin(deps);

  // Load every report's figures into memory now, so the first dashboard request does not pay for it.
  const t0 = performance.now();
  const store = getFactStore(db, catalogue);
  const versions = store.reports.reduce((n, r) => n + (r?.length ?? 0), 0);
  console.log(`figures of ${versions} report versions loaded in ${Math.round(performance.now() - t0)} ms`);

  const app = createApp(deps);
  // Start the upload readers now (each loads exceljs), so the first upload does not wait for them.
  sharedReadPool().warm();
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`柳州市职业技能提升行动统计监测平台 listening on http://${host}:${info.port}/`);
    console.log(`database: ${dbPath}`);
    if (process.env.DEMO === '1') {
      console.log('demo logins (user / password):');
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.password}   ${a.label}`);
    }
    // The app is served from web/dist as it is on each request, so building it later needs no restart.
    if (!existsSync(join(webDist, 'index.html'))) console.log('web app not built yet: / answers 503 until `pnpm --filter @lz/web build`');
  });
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** No default password anywhere: without ADMIN_PASSWORD the first run asks for one on a terminal. */
async function firstRunAdmin(deps: Deps) {
  if (!process.stdin.isTTY) {
    console.warn('No admin account. Set ADMIN_PASSWORD=... (at least 10 characters) and restart to create one.');
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const pw = await rl.question('首次运行：请设置 admin 账号密码（至少 10 位）: ');
    if (pw.length >= 10) {
      await ensureAdmin(deps, pw);
      console.log('admin 账号已创建');
      break;
    }
    console.log('密码太短');
  }
  rl.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
