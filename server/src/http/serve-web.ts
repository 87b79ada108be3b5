/** Serves the built web app at `/`, falling back to index.html for client-side routes. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * index.html is read on every request for it (it is about 1 KB and the OS caches it), not once at start:
 * a rebuild of the web app replaces it with one naming the new hashed assets, and the old assets are gone,
 * so a copy held from start-up would point browsers at files that no longer exist until a restart.
 */
export function serveWeb(dist: string) {
  const app = new Hono<AppEnv>();
  const root = normalize(dist);
  app.get('*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && extname(file)) {
      try {
        const body = await readFile(file);
        // Vite puts a content hash in every asset name, so they can be cached for good.
        const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return c.body(new Uint8Array(body), 200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': cache,
        });
      } catch {
        return c.text('Not found', 404);
      }
    }
    let indexHtml: Buffer;
    try {
      indexHtml = await readFile(join(root, 'index.html'));
    } catch {
      return c.text('Web app not built: run `pnpm --filter @lz/web build`', 503);
    }
    return c.body(new Uint8Array(indexHtml), 200, {
      'content-type': types['.html'] ?? 'text/html',
      'cache-control': 'no-cache',
    });
  });
  return app;
}
