/** The server process as an operator starts it: environment variables, first run, no default password. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer as start, stopServers } from './server-process';

afterEach(stopServers);

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('starting the server', () => {
  it('creates and migrates DB_PATH, listens on 127.0.0.1, and makes the admin from ADMIN_PASSWORD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-main-'));
    const dbPath = join(dir, 'nested', 'prod.sqlite');
    const { url } = await start({ DB_PATH: dbPath, ADMIN_PASSWORD: 'First-boot-pass-1' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(dbPath)).toBe(true);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect((await fetch(`${url}/api/departments`)).status).toBe(200);
    expect((await login(url, 'admin', 'First-boot-pass-1')).status).toBe(200);
    expect((await login(url, 'leader', 'Liuzhou@2019')).status).toBe(401); // no demo accounts without DEMO
  }, 90_000);

  it('refuses an ADMIN_PASSWORD that breaks the password policy, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-main-'));
    await expect(start({ DB_PATH: join(dir, 'weak.sqlite'), ADMIN_PASSWORD: 'admin-password-1' })).rejects.toThrow(
      '密码不能包含用户名',
    );
    await expect(start({ DB_PATH: join(dir, 'weak.sqlite'), ADMIN_PASSWORD: 'abcdefghij' })).rejects.toThrow(
      '密码至少 12 位',
    );
  }, 90_000);

  it('without ADMIN_PASSWORD and no terminal there is no admin and no default password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-main-'));
    const { url, output } = await start({ DB_PATH: join(dir, 'x.sqlite') });
    expect(output()).toContain('ADMIN_PASSWORD');
    for (const pw of ['admin', 'Liuzhou@2019', 'password', '123456'])
      expect((await login(url, 'admin', pw)).status).toBe(401);
  }, 90_000);
});
