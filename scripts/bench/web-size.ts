/** Gzipped JS and CSS per route of the production build (web/scripts/bundle-report.mjs, building first if needed). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@lz/server/catalogue';

export interface RouteSize {
  route: string;
  js: number;
  css: number;
}

export function webSizes(): { entry: RouteSize; routes: RouteSize[] } {
  if (!existsSync(join(repoRoot, 'web/dist/.vite/manifest.json'))) {
    const build = spawnSync('pnpm', ['--filter', '@lz/web', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const r = spawnSync(process.execPath, [join(repoRoot, 'web/scripts/bundle-report.mjs'), '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const parsed = JSON.parse(r.stdout) as { entry: { js: number; css: number }; routes: RouteSize[] };
  return {
    entry: { route: '(entry)', ...parsed.entry },
    routes: parsed.routes.sort((a, b) => a.route.localeCompare(b.route)),
  };
}
