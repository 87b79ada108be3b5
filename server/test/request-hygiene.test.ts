/** Requests malformed below the API: percent-encoding, hosts, origins, encodings, caching, refused bodies. */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { body, makeTestApp, tableCounts } from './test-app';

describe('paths, hosts and origins', () => {
  it('malformed percent-encoding answers 400 in the error shape and logs nothing', async () => {
    const t = await makeTestApp();
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => logged.push(a);
    try {
      for (const path of ['/%', '/%E0%A4%A', '/assets/%ZZ.js', '/api/reports/%ZZ/2020-08']) {
        const res = await t.anonymous.get(path);
        expect(res.status, path).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'malformed_path' } });
      }
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  it(
    'a Host this installation does not answer to is refused ' + '(DNS rebinding), the configured one is served',
    async () => {
      const t = await makeTestApp();
      const rebound = await t.anonymous.request('GET', '/api/health', undefined, { host: 'evil.example' });
      expect(rebound.status).toBe(421);
      expect(await rebound.json()).toMatchObject({ error: { code: 'misdirected_request' } });
      expect((await t.anonymous.request('GET', '/api/health', undefined, { host: 'localhost' })).status).toBe(200);
    },
  );

  it('compares the Origin of a write with scheme and port, not only the host name', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const before = await tableCounts(t.deps);
    for (const origin of ['https://localhost', 'http://localhost:8080', 'http://localhost.evil.example', 'null']) {
      const res = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), { origin, host: 'localhost' });
      expect(res.status, origin).toBe(403);
    }
    expect(await tableCounts(t.deps)).toEqual(before);
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), { origin: 'http://localhost' })).status).toBe(201);
  });
});

describe('bodies and caching', () => {
  it('invalid UTF-8 in a JSON body is refused (400 invalid_utf8), not stored as U+FFFD', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    const json = new TextEncoder().encode(JSON.stringify({ reason: '请核实XX', version: 1 }));
    const bad = new Uint8Array([...json]);
    const at = bad.indexOf(0x58); // the first "X"
    bad[at] = 0xc3; // a lead byte with no continuation
    bad[at + 1] = 0x28;
    const raw = await t.app.request('/api/reports/RSJ/2020-08/return', {
      method: 'POST',
      headers: { cookie: admin.cookie ?? '', 'content-type': 'application/json' },
      body: bad,
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: 'invalid_utf8' } });
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('authenticated API answers say Cache-Control: no-store', async () => {
    const t = await makeTestApp();
    const leader = await t.login('leader');
    for (const path of ['/api/progress?asOf=2020-09-05', '/api/session', '/api/reports']) {
      expect((await leader.get(path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('after refusing an oversized body the server closes the connection instead of promising keep-alive', async () => {
    const t = await makeTestApp();
    const server = serve({ fetch: createApp(t.deps).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.write(
          `POST /api/reports/RSJ/2020-08 HTTP/1.1\r\nHost: localhost\r\nContent-Type: ` +
            `application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\nConnection: keep-alive\r\n\r\n{"rows":`,
        );
        setTimeout(() => socket.destroy(), 5000);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(answer.toLowerCase()).not.toContain('keep-alive');
    } finally {
      server.close();
    }
  });
});
