/** The built web app is served as it is on disk now: a rebuild is picked up without a restart. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWeb } from '../src/http/serve-web';

const dist = mkdtempSync(join(tmpdir(), 'lz-web-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('serveWeb', () => {
  it('answers 503 before the build, then index.html for client routes, re-read after a rebuild', async () => {
    const app = serveWeb(dist);
    expect((await app.request('/overview')).status).toBe(503);

    writeFileSync(join(dist, 'index.html'), '<script src="/assets/index-old.js"></script>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets/index-old.js'), 'old');
    const first = await app.request('/drill/county/450226');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(await first.text()).toContain('index-old.js');
    expect((await app.request('/assets/index-old.js')).headers.get('cache-control')).toContain('immutable');

    // A rebuild replaces index.html and the hashed assets.
    writeFileSync(join(dist, 'index.html'), '<script src="/assets/index-new.js"></script>');
    rmSync(join(dist, 'assets/index-old.js'));
    expect(await (await app.request('/overview')).text()).toContain('index-new.js');
    expect((await app.request('/assets/index-old.js')).status).toBe(404);
  });
});
