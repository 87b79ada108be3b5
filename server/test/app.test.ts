import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { onError } from '../src/http/on-error';
import { makeTestApp } from './test-app';
import { value } from './sql';

describe('hardening', () => {
  it('sends a CSP and the usual security headers', async () => {
    const t = await makeTestApp();
    const res = await t.anonymous.get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('refuses bodies over the limit with 413 and writes nothing', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const huge = { rows: [{ county: '450202', values: {} }], pad: 'x'.repeat(1_200_000) };
    const res = await rsj.post('/api/reports/RSJ/2020-08', huge);
    expect(res.status).toBe(413);
    expect(await value(t.deps.db, 'SELECT COUNT(*) FROM report_versions')).toBe(0);
  });

  it('malformed JSON is a 400, unknown API paths a 404, both in the one error shape', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const bad = await rsj.request('POST', '/api/reports/RSJ/2020-08', undefined, {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const missing = await t.anonymous.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('an unexpected failure returns a generic 500 without stack or SQL', async () => {
    const app = new Hono();
    app.onError(onError as never);
    app.get('/boom', () => {
      throw new Error('SQLITE_ERROR: no such table: secret_table at Statement.run (/srv/x.ts:1:1)');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const res = await app.request('/boom');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain('secret_table');
      expect(text).not.toContain('.ts:');
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } });
    } finally {
      console.error = original;
    }
  });

  it('publishes an OpenAPI document listing every route with its roles, and a browsable page', async () => {
    const t = await makeTestApp();
    const doc = (await (await t.anonymous.get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-roles': unknown }>>;
    };
    expect(doc.paths['/api/reports/{department}/{month}']?.post?.['x-roles']).toEqual(['admin', 'reporter']);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const page = await t.anonymous.get('/api/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/api/reports/:department/:month/file');
  });
});
